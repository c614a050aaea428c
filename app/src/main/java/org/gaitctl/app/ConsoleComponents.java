package org.gaitctl.app;

import java.awt.Component;
import java.awt.Container;
import java.util.Optional;
import javax.swing.JFrame;
import javax.swing.JMenuBar;

/** Finds the console's components by name, as its screenshots and its window test drive them. */
final class ConsoleComponents {

  private ConsoleComponents() {}

  /**
   * The component named {@code name} in {@code frame} (content and menu bar). EDT.
   *
   * @throws IllegalStateException when there is none of that type
   */
  static <T extends Component> T find(JFrame frame, String name, Class<T> type) {
    Optional<Component> found = search(frame.getRootPane(), name);
    JMenuBar menu = frame.getJMenuBar();
    if (found.isEmpty() && menu != null) {
      for (int i = 0; i < menu.getMenuCount() && found.isEmpty(); i++) {
        for (Component item : menu.getMenu(i).getMenuComponents()) {
          if (name.equals(item.getName())) {
            found = Optional.of(item);
          }
        }
      }
    }
    return found
        .filter(type::isInstance)
        .map(type::cast)
        .orElseThrow(
            () -> new IllegalStateException("no " + type.getSimpleName() + " named " + name));
  }

  private static Optional<Component> search(Component component, String name) {
    if (name.equals(component.getName())) {
      return Optional.of(component);
    }
    if (component instanceof Container container) {
      for (Component child : container.getComponents()) {
        Optional<Component> found = search(child, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
