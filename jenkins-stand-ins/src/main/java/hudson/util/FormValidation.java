package hudson.util;

import hudson.Util;
import java.io.IOException;
import java.util.Locale;

/**
 * Compile-time stand-in for {@code FormValidation} of jenkins-core.
 *
 * <p>The real class is also a stapler {@code HttpResponse}. As in the real class, {@link
 * #getMessage()} holds the HTML-escaped message and {@link #ok()} has none.
 */
public abstract class FormValidation extends IOException {
  private static final long serialVersionUID = 1L;

  /** Compile-time stand-in for {@code FormValidation.Kind}. */
  public enum Kind {
    OK,
    WARNING,
    ERROR
  }

  private static final FormValidation OK = respond(Kind.OK, "<div/>");

  public final Kind kind;

  private FormValidation(Kind kind) {
    this.kind = kind;
  }

  private FormValidation(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public static FormValidation ok() {
    return OK;
  }

  public static FormValidation ok(String message) {
    return okWithMarkup(message == null ? null : Util.escape(message));
  }

  public static FormValidation ok(String format, Object... args) {
    return ok(String.format(format, args));
  }

  public static FormValidation warning(String message) {
    return warningWithMarkup(message == null ? null : Util.escape(message));
  }

  public static FormValidation warning(String format, Object... args) {
    return warning(String.format(format, args));
  }

  public static FormValidation error(String message) {
    return errorWithMarkup(message == null ? null : Util.escape(message));
  }

  public static FormValidation error(String format, Object... args) {
    return error(String.format(format, args));
  }

  public static FormValidation error(Throwable e, String message) {
    return errorWithMarkup(
        Util.escape(message) + (e == null ? "" : " " + Util.escape(e.toString())));
  }

  public static FormValidation okWithMarkup(String message) {
    return withMarkup(message, Kind.OK);
  }

  public static FormValidation warningWithMarkup(String message) {
    return withMarkup(message, Kind.WARNING);
  }

  public static FormValidation errorWithMarkup(String message) {
    return withMarkup(message, Kind.ERROR);
  }

  public static FormValidation validateRequired(String value) {
    return Util.fixEmptyAndTrim(value) == null ? error("This field is required") : ok();
  }

  public static FormValidation respond(Kind kind, String html) {
    return new FormValidation(kind) {
      private static final long serialVersionUID = 1L;

      @Override
      public String renderHtml() {
        return html;
      }

      @Override
      public String toString() {
        return kind + ": " + html;
      }
    };
  }

  private static FormValidation withMarkup(String message, Kind kind) {
    if (message == null) {
      return ok();
    }
    return new FormValidation(kind, message) {
      private static final long serialVersionUID = 1L;

      @Override
      public String renderHtml() {
        return "<div class=" + kind.name().toLowerCase(Locale.ENGLISH) + ">" + message + "</div>";
      }

      @Override
      public String toString() {
        return kind + ": " + message;
      }
    };
  }

  public abstract String renderHtml();
}
