using System;

namespace Iklim.StackSdk;

/// <summary>
/// Where the stack project's folder is, seen from the deploy folder (<c>../</c> for the default <c>deploy/</c> under
/// the project). The package's MSBuild targets add it to the assembly from <c>IklimStackDeployDir</c>, so that the
/// generator re-bases the project-relative host paths of the C# stack without reading the disk; write it yourself only
/// when the project does not generate assembly attributes.
/// </summary>
/// <example><code>[assembly: Iklim.StackSdk.StackProjectFolder("../")]</code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class StackProjectFolderAttribute : Attribute
{
    /// <summary>Declares the project folder relative to the deploy folder.</summary>
    public StackProjectFolderAttribute(string fromDeployFolder)
    {
        FromDeployFolder = fromDeployFolder;
    }

    /// <summary>The project folder relative to the deploy folder, with forward slashes: <c>../</c>.</summary>
    public string FromDeployFolder { get; }
}
