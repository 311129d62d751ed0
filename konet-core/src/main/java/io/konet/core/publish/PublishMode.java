package io.konet.core.publish;

/** How the application and the .NET runtime are published. */
public enum PublishMode {
  /** The runtime ships with the app, on the {@code runtime-deps} base image. */
  SELF_CONTAINED,
  /** The app runs on the runtime of the {@code runtime} or {@code aspnet} base image. */
  FRAMEWORK_DEPENDENT,
  /** A native executable, on the {@code runtime-deps} base image. */
  NATIVE_AOT
}
