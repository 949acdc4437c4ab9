using System;
using System.Collections.Generic;
using System.IO;
using Iklim.StackSdk.Generators.Manifest;
using Microsoft.Build.Utilities;

namespace Iklim.StackSdk.Build.Writing;

/// <summary>
/// IKS0906: a config, secret or env file the stack reads at deploy time does not exist under the stack project. The
/// generator lists each such file with the C# call that names it (it may not read the disk), and this step, which may,
/// reports the missing ones at that call, so the error lands on the line to fix rather than on a failed deploy.
/// </summary>
internal static class ReferencedFileCheck
{
    /// <summary>Reports every missing file of <paramref name="manifest"/>; returns the stacks that miss one, which must not be written.</summary>
    public static ISet<string> ReportMissing(TaskLoggingHelper log, string manifest, string projectDirectory, string projectName)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        if (projectDirectory.Length == 0)
        {
            return failed;
        }

        foreach (var file in ReferencedFiles.Read(manifest))
        {
            var fullPath = Path.GetFullPath(Path.Combine(projectDirectory, file.Path));
            if (File.Exists(fullPath))
            {
                continue;
            }

            failed.Add(file.Stack);
            var what = Directory.Exists(fullPath) ? "is a folder, not a file" : "does not exist";
            log.LogError(
                null,
                BuildMessageCodes.MissingReferencedFile,
                null,
                BuildMessageCodes.HelpLink(BuildMessageCodes.MissingReferencedFile),
                file.SourceFile,
                file.Line,
                file.Column,
                0,
                0,
                "{0}: {1} not written: {2} '{3}' reads {4}'{5}', which {6} ({7}): docker stack deploy would fail. A relative path is relative to the stack project's folder.",
                projectName,
                file.Stack,
                file.Kind,
                file.Name,
                file.Kind == "service" ? "the env file " : string.Empty,
                file.Path,
                what,
                fullPath);
        }

        return failed;
    }
}
