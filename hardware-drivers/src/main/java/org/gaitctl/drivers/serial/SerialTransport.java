package org.gaitctl.drivers.serial;

/**
 * A byte pipe to one serial port: what a framed link reads and writes. Implementations never throw
 * for a port fault; they return a status so the reading loop stays up.
 *
 * <p>{@link #read} is called by one reading thread; {@link #write} by one writing thread at a time
 * (callers serialise); {@link #open} and {@link #close} by the owner.
 */
public interface SerialTransport extends AutoCloseable {

  /**
   * Opens the port and discards whatever the operating system had already received on it (a
   * previous session's backlog). Returns a description of the failure, or {@code null} when the
   * port is open.
   */
  String open();

  boolean isOpen();

  /**
   * Reads what has arrived, waiting at most the transport's read timeout for the first byte.
   *
   * @return bytes read, 0 when none arrived in time, -1 when the port is lost or not open
   */
  int read(byte[] dst, int offset, int length);

  /**
   * Bytes that can be read now without waiting; -1 when the port is lost or not open. Lets a loop
   * that paces itself poll a blocking-read transport.
   */
  int available();

  /**
   * Writes all bytes, blocking up to the transport's write timeout.
   *
   * @return bytes written; fewer than {@code length} (or -1) means the port failed
   */
  int write(byte[] src, int offset, int length);

  /** The port's name or path, for messages. */
  String portName();

  /** Releases the port. Idempotent; never throws. */
  @Override
  void close();
}
