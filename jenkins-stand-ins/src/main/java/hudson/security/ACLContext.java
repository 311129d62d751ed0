package hudson.security;

import io.jenkins.plugins.konet.standins.StandInSecurity;
import org.springframework.security.core.Authentication;

/** Compile-time stand-in for {@code ACLContext} of jenkins-core. */
public class ACLContext implements AutoCloseable {
  private final Authentication previous;

  ACLContext(Authentication previous) {
    this.previous = previous;
  }

  @Override
  public void close() {
    StandInSecurity.setCurrent(previous);
  }
}
