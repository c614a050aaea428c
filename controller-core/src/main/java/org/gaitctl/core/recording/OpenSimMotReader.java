package org.gaitctl.core.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.gaitctl.core.gait.Side;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the ground reaction forces of an OpenSim {@code .mot} file: header lines up to {@code
 * endheader}, a row of column names, then whitespace-separated rows, forces in newtons, positions
 * in metres, OpenSim's ground frame (x forward, y up).
 *
 * <p>Each force is a column group {@code IDx/IDy/IDz} named by its force identifier {@code ID}
 * (e.g. {@code ground_force_v}, {@code 1_ground_force_v}, {@code ground_force_r_v}), with its point
 * in the columns whose identifier ends in {@code p} instead of {@code v}. Its foot comes from the
 * identifier ({@code _r_v} or {@code _l_v}) or, failing that, from the OpenSim ExternalLoads file
 * {@code NAME.xml} next to it ({@code force_identifier} and {@code applied_to_body} ending in
 * {@code _r} or {@code _l}). Vertical force is {@code vy}, summed per foot; the anterior-posterior
 * centre of pressure is {@code px} when one force acts on that foot.
 *
 * <p>Called from the analysis command's thread; blocks on file I/O and allocates.
 */
public final class OpenSimMotReader {

  private static final String END_HEADER = "endheader";

  private OpenSimMotReader() {}

  public static ForceRecording read(Path file) throws IOException {
    TextTable table = TextTable.read(file, TextTable.WHITESPACE);
    List<TextTable.Line> lines = table.lines();
    int headerEnd = -1;
    for (int i = 0; i < lines.size() && headerEnd < 0; i++) {
      if (lines.get(i).cells()[0].equalsIgnoreCase(END_HEADER)) {
        headerEnd = i;
      }
    }
    if (headerEnd < 0 || headerEnd + 2 >= lines.size()) {
      throw new RecordingFormatException(
          table.fileName(), "1", "no '" + END_HEADER + "' line followed by column names and rows");
    }
    TextTable.Line names = lines.get(headerEnd + 1);
    String[] columns = names.cells();
    if (!columns[0].equalsIgnoreCase("time")) {
      throw table.error(names, "first column must be 'time', found '" + columns[0] + "'");
    }
    Map<String, Side> sideByPrefix = forceSides(table, names, file);
    int rows = lines.size() - headerEnd - 2;
    double[] timeS = new double[rows];
    double[] left = new double[rows];
    double[] right = new double[rows];
    double[] leftCop = copColumnFor(Side.LEFT, sideByPrefix) != null ? new double[rows] : null;
    double[] rightCop = copColumnFor(Side.RIGHT, sideByPrefix) != null ? new double[rows] : null;
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < columns.length; c++) {
      index.put(columns[c], c);
    }
    for (int r = 0; r < rows; r++) {
      TextTable.Line line = lines.get(headerEnd + 2 + r);
      table.requireCells(line, columns.length);
      timeS[r] = table.number(line, 0, "time");
      for (Map.Entry<String, Side> force : sideByPrefix.entrySet()) {
        String column = force.getKey() + "y";
        double fy = table.forceN(line, index.get(column), column);
        if (force.getValue() == Side.LEFT) {
          left[r] += fy;
        } else {
          right[r] += fy;
        }
      }
      if (leftCop != null) {
        String column = copColumnFor(Side.LEFT, sideByPrefix);
        leftCop[r] = table.number(line, index.get(column), column);
      }
      if (rightCop != null) {
        String column = copColumnFor(Side.RIGHT, sideByPrefix);
        rightCop[r] = table.number(line, index.get(column), column);
      }
    }
    table.requireStrictlyIncreasing(timeS, headerEnd + 2, "time");
    return new ForceRecording(
        table.fileName(),
        timeS,
        left,
        right,
        null,
        leftCop,
        rightCop,
        ForceRecording.NEWTONS,
        List.of());
  }

  /** Force identifiers (the {@code vy} column's name without the {@code y}) and their feet. */
  private static Map<String, Side> forceSides(TextTable table, TextTable.Line names, Path file)
      throws IOException {
    List<String> prefixes = new ArrayList<>();
    for (String column : names.cells()) {
      if (column.endsWith("vy") && column.contains("force")) {
        prefixes.add(column.substring(0, column.length() - 1));
      }
    }
    if (prefixes.isEmpty()) {
      throw table.error(names, "no vertical force column (name ending in 'vy')");
    }
    Map<String, Side> fromXml = null;
    Map<String, Side> sides = new HashMap<>();
    for (String prefix : prefixes) {
      Side side = sideFromName(prefix);
      if (side == null) {
        if (fromXml == null) {
          fromXml = externalLoads(table, names, file);
        }
        side = fromXml.get(prefix);
      }
      if (side == null) {
        throw table.error(
            names, "no foot for force '" + prefix + "' in its name or the ExternalLoads file");
      }
      sides.put(prefix, side);
    }
    return sides;
  }

  private static Side sideFromName(String prefix) {
    String lower = prefix.toLowerCase(Locale.ROOT);
    if (lower.endsWith("_r_v")) {
      return Side.RIGHT;
    }
    return lower.endsWith("_l_v") ? Side.LEFT : null;
  }

  /** The {@code px} column when exactly one force acts on {@code side}, else {@code null}. */
  private static String copColumnFor(Side side, Map<String, Side> sideByPrefix) {
    String only = null;
    for (Map.Entry<String, Side> e : sideByPrefix.entrySet()) {
      if (e.getValue() == side) {
        if (only != null) {
          return null;
        }
        only = e.getKey();
      }
    }
    return only == null ? null : only.substring(0, only.length() - 1) + "px";
  }

  /**
   * {@code force_identifier} (a force column name without its last letter) → foot, from the
   * ExternalLoads XML next to the file.
   */
  private static Map<String, Side> externalLoads(TextTable table, TextTable.Line names, Path file)
      throws IOException {
    String name = table.fileName();
    int dot = name.lastIndexOf('.');
    Path xml = file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".xml");
    if (!Files.exists(xml)) {
      throw table.error(
          names,
          "force column names do not say the foot and there is no ExternalLoads file "
              + TextTable.fileNameOf(xml));
    }
    Document document = parse(xml);
    Map<String, Side> sides = new HashMap<>();
    NodeList forces = document.getElementsByTagName("ExternalForce");
    for (int i = 0; i < forces.getLength(); i++) {
      Element force = (Element) forces.item(i);
      String identifier = text(force, "force_identifier");
      String body = text(force, "applied_to_body").toLowerCase(Locale.ROOT);
      Side side = body.endsWith("_r") ? Side.RIGHT : body.endsWith("_l") ? Side.LEFT : null;
      if (!identifier.isEmpty() && side != null) {
        sides.put(identifier, side);
      }
    }
    return sides;
  }

  private static Document parse(Path xml) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(xml.toFile());
    } catch (ParserConfigurationException | SAXException e) {
      throw new RecordingFormatException(
          TextTable.fileNameOf(xml),
          "xml",
          "not a readable ExternalLoads file: " + e.getMessage(),
          e);
    }
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }
}
