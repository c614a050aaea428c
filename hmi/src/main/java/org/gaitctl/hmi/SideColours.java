package org.gaitctl.hmi;

import java.awt.Color;
import org.gaitctl.core.gait.Side;

/**
 * Left and right in the same colours in every chart, number and report: Okabe and Ito's
 * colour-blind-safe pair (blue and vermilion stay apart in protanopia, deuteranopia and tritanopia,
 * and in grey scale).
 */
public final class SideColours {

  /** Okabe-Ito blue. */
  public static final Color LEFT = new Color(0x00, 0x72, 0xB2);

  /** Okabe-Ito vermilion. */
  public static final Color RIGHT = new Color(0xD5, 0x5E, 0x00);

  private SideColours() {}

  public static Color of(Side side) {
    return side == Side.LEFT ? LEFT : RIGHT;
  }
}
