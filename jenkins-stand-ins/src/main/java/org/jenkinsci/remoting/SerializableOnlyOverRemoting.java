package org.jenkinsci.remoting;

import java.io.Serializable;

/** Compile-time stand-in for {@code SerializableOnlyOverRemoting} of remoting. */
public interface SerializableOnlyOverRemoting extends Serializable {}
