using System;
using System.Collections.Generic;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Emitting;

/// <summary>
/// Re-bases the relative host paths a stack names (a config or secret <c>File</c>, an <c>EnvFile</c>, a bind source
/// such as <c>./caddy</c>) from the stack project's folder, where the C# author means them, to the deploy folder, which
/// Docker resolves them against (the folder of the first compose file). The result stays relative, so the files are
/// the same on every machine. An entry the build generated (<see cref="FileResourceSpec.WrittenByBuild"/>: a gateway's
/// config.yaml) names a file of the build itself, relative to the deploy folder already, and is kept.
/// </summary>
internal sealed class HostPaths
{
    /// <summary>The project folder as seen from the default deploy folder, <c>deploy/</c> under the project.</summary>
    public const string DefaultProjectFromDeploy = "../";

    private readonly string[] _projectFromDeploy;

    public HostPaths(string projectFromDeploy)
    {
        _projectFromDeploy = ProjectPaths.Segments(projectFromDeploy.Replace('\\', '/'));
    }

    /// <summary>True for a config or secret whose file the stack project holds: relative, not a deploy-time value, not written by the build.</summary>
    public static bool IsProjectFile(FileResourceSpec resource) =>
        resource.File is { } path && ProjectPaths.IsProjectPath(path) && !resource.WrittenByBuild;

    /// <summary>True for a path relative to the project folder: <c>./x</c>, <c>../x</c>, <c>.</c> or <c>..</c>.</summary>
    public static bool IsRelative(string path) =>
        path is "." or ".." || path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal);

    /// <summary>The file of the config or secret <paramref name="resource"/> as the compose file must name it (null when it has none).</summary>
    public string? File(FileResourceSpec resource) => IsProjectFile(resource) ? Rebase(resource.File!) : resource.File;

    /// <summary>An <c>env_file</c> entry as the compose file must name it: Docker reads any relative path from the deploy folder.</summary>
    public string EnvFile(string path) => ProjectPaths.IsProjectPath(path) ? Rebase(path) : path;

    /// <summary>A mount source as the compose file must name it: only a relative bind source changes.</summary>
    public string MountSource(string source) => IsRelative(source) ? Rebase(source) : source;

    private string Rebase(string path) => ProjectPaths.Join(new List<string>(_projectFromDeploy), path);
}
