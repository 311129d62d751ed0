package io.konet.core.project;

import java.io.Serializable;

/**
 * What MSBuild evaluation tells about a project, for the chosen target framework.
 *
 * @param projectFile the project file, in the path form of the machine that holds it
 * @param assemblyName the name of the built assembly and apphost
 * @param targetFramework the chosen target framework, such as {@code net8.0}
 * @param dotnetMajorVersion the .NET major version the framework targets, such as 8
 * @param web whether the project uses the web SDK ({@code Microsoft.NET.Sdk.Web})
 * @param publishTrimmed the project's own {@code PublishTrimmed} setting, or null when unset
 * @param publishAot whether the project asks for native AOT
 * @param invariantGlobalization whether the project runs without ICU
 */
public record ProjectInfo(
    String projectFile,
    String assemblyName,
    String targetFramework,
    int dotnetMajorVersion,
    boolean web,
    Boolean publishTrimmed,
    boolean publishAot,
    boolean invariantGlobalization)
    implements Serializable {}
