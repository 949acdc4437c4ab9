using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Iklim.StackSdk.Build.Writing;
using Iklim.StackSdk.Generators.Manifest;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Iklim.StackSdk.Build;

/// <summary>
/// Writes the deploy artefacts that the generator handed over in its manifest (<c>IklimStackArtefacts.g.cs</c>)
/// into the deploy folder. A file is written only when its bytes differ from the disk, so unchanged artefacts keep
/// their timestamps; files the manifest does not name are never touched.
/// </summary>
/// <example><code>
/// &lt;WriteStackArtefacts ManifestFiles="@(_IklimStackManifest)" DeployDirectory="$(IklimStackDeployDir)"
///                      ProjectName="$(MSBuildProjectName)" ProjectDirectory="$(MSBuildProjectDirectory)" /&gt;
/// </code></example>
public sealed class WriteStackArtefacts : Task
{
    /// <summary>The manifests to read; usually one. A missing one is a warning, not an error.</summary>
    public ITaskItem[] ManifestFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The folder the artefacts are written into; created when needed.</summary>
    [Required]
    public string DeployDirectory { get; set; } = string.Empty;

    /// <summary>The stack project's name, which starts every line the task prints.</summary>
    [Required]
    public string ProjectName { get; set; } = string.Empty;

    /// <summary>Optional: the project folder, so messages can show the deploy folder relative to it (<c>deploy/</c>).</summary>
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The artefacts this run wrote (changed or new), with <c>Stack</c> and <c>RelativePath</c> metadata.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        var deployDirectory = ArtefactPath.FullDirectory(DeployDirectory);
        var plans = ReadPlans(deployDirectory);
        RejectConflicts(plans);

        var written = new List<ITaskItem>();
        foreach (var plan in plans.Where(plan => !plan.Rejected))
        {
            if (plan.Blocked)
            {
                Log.LogMessage(MessageImportance.High, ProjectName + ": " + plan.Name + " not written: " + plan.Summary);
                continue;
            }

            var changed = WriteStack(plan);
            foreach (var file in changed)
            {
                var item = new TaskItem(file.FullPath);
                item.SetMetadata("Stack", plan.Name);
                item.SetMetadata("RelativePath", file.RelativePath);
                written.Add(item);
            }

            if (!plan.Rejected)
            {
                var what = changed.Count == 0
                    ? DisplayDirectory(deployDirectory) + " up to date"
                    : "wrote " + string.Join(", ", changed.Select(file => file.RelativePath));
                var summary = plan.Summary.Length == 0 ? string.Empty : " (" + plan.Summary + ")";
                Log.LogMessage(MessageImportance.High, ProjectName + ": " + what + summary);
            }
        }

        WrittenFiles = written.ToArray();
        return !Log.HasLoggedErrors;
    }

    private List<StackPlan> ReadPlans(string deployDirectory)
    {
        var plans = new List<StackPlan>();
        if (ManifestFiles.Length == 0)
        {
            WarnMissing("no manifest was found");
        }

        foreach (var item in ManifestFiles)
        {
            var manifestPath = Path.GetFullPath(item.ItemSpec);
            if (!File.Exists(manifestPath))
            {
                WarnMissing("the manifest '" + manifestPath + "' does not exist");
                continue;
            }

            IReadOnlyList<ManifestStack> stacks;
            ISet<string> missing;
            try
            {
                var text = File.ReadAllText(manifestPath, Encoding.UTF8);
                if (!text.Split('\n').Any(line => string.Equals(line.TrimEnd('\r'), ArtefactManifest.Header, StringComparison.Ordinal)))
                {
                    Error(BuildMessageCodes.UnreadableManifest, manifestPath, ProjectName + ": '" + manifestPath + "' is not a stack artefact manifest this build step reads (expected '" + ArtefactManifest.Header + "'); the generator and the build step must come from the same Iklim.StackSdk version.");
                    continue;
                }

                stacks = ArtefactManifest.Read(text);
                missing = ReferencedFileCheck.ReportMissing(Log, text, ProjectDirectory, ProjectName);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is FormatException || exception is ArgumentException)
            {
                Error(BuildMessageCodes.UnreadableManifest, manifestPath, ProjectName + ": could not read the stack artefact manifest '" + manifestPath + "': " + exception.Message);
                continue;
            }

            foreach (var stack in stacks)
            {
                var plan = Plan(stack, manifestPath, deployDirectory);
                plan.Rejected |= missing.Contains(stack.Name);
                AddPlan(plans, plan);
            }
        }

        return plans;
    }

    private StackPlan Plan(ManifestStack stack, string manifestPath, string deployDirectory)
    {
        var plan = new StackPlan(stack.Name, stack.Blocked, stack.Summary, manifestPath);
        if (stack.Blocked)
        {
            return plan;
        }

        foreach (var file in stack.Files)
        {
            var fullPath = ArtefactPath.Resolve(deployDirectory, file.Key);
            if (fullPath is null)
            {
                Error(BuildMessageCodes.UnsafeArtefactPath, manifestPath, ProjectName + ": " + stack.Name + " not written: the artefact path '" + file.Key + "' is not a relative path inside the deploy folder ('/'-separated, no '..', not rooted).");
                plan.Rejected = true;
                continue;
            }

            plan.Files.Add(new PlannedFile(file.Key, fullPath, ArtefactFile.Bytes(file.Value)));
        }

        return plan;
    }

    private void AddPlan(List<StackPlan> plans, StackPlan plan)
    {
        var earlier = plans.FirstOrDefault(other => string.Equals(other.Name, plan.Name, StringComparison.Ordinal));
        if (earlier is null)
        {
            plans.Add(plan);
        }
        else if (!SameContent(earlier, plan))
        {
            Error(BuildMessageCodes.ConflictingArtefacts, plan.ManifestPath, ProjectName + ": " + plan.Name + " not written: the manifests '" + earlier.ManifestPath + "' and '" + plan.ManifestPath + "' describe it differently.");
            earlier.Rejected = true;
        }
    }

    /// <summary>
    /// Two stacks, or one stack twice, may name the same file only with the same bytes. Paths are compared ignoring
    /// case, because they would collide on Windows and macOS and the output must not depend on the machine.
    /// </summary>
    private void RejectConflicts(List<StackPlan> plans)
    {
        var owners = new Dictionary<string, (StackPlan Plan, PlannedFile File)>(StringComparer.OrdinalIgnoreCase);
        foreach (var plan in plans.Where(plan => !plan.Blocked))
        {
            foreach (var file in plan.Files)
            {
                if (!owners.TryGetValue(file.FullPath, out var owner))
                {
                    owners.Add(file.FullPath, (plan, file));
                }
                else if (!string.Equals(owner.File.FullPath, file.FullPath, StringComparison.Ordinal) || !owner.File.Bytes.SequenceEqual(file.Bytes))
                {
                    Error(BuildMessageCodes.ConflictingArtefacts, plan.ManifestPath, ProjectName + ": " + plan.Name + " not written: '" + file.RelativePath + "' is also produced by " + owner.Plan.Name + " with different content.");
                    plan.Rejected = true;
                    owner.Plan.Rejected = true;
                }
            }
        }
    }

    private List<PlannedFile> WriteStack(StackPlan plan)
    {
        var changed = new List<PlannedFile>();
        foreach (var file in plan.Files)
        {
            try
            {
                if (ArtefactFile.WriteIfChanged(file.FullPath, file.Bytes))
                {
                    changed.Add(file);
                }
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                Error(BuildMessageCodes.WriteFailed, file.FullPath, ProjectName + ": " + plan.Name + ": could not write '" + file.FullPath + "': " + exception.Message);
                plan.Rejected = true;
            }
        }

        return changed;
    }

    private string DisplayDirectory(string deployDirectory)
    {
        if (ProjectDirectory.Length != 0)
        {
            var projectDirectory = ArtefactPath.FullDirectory(ProjectDirectory);
            if (deployDirectory.StartsWith(projectDirectory, StringComparison.Ordinal))
            {
                var relative = deployDirectory.Substring(projectDirectory.Length).Replace('\\', '/');
                return relative.Length == 0 ? "./" : relative;
            }
        }

        return deployDirectory;
    }

    private static bool SameContent(StackPlan left, StackPlan right) =>
        left.Blocked == right.Blocked
        && string.Equals(left.Summary, right.Summary, StringComparison.Ordinal)
        && left.Files.Count == right.Files.Count
        && left.Files.Zip(right.Files, (a, b) => string.Equals(a.RelativePath, b.RelativePath, StringComparison.Ordinal) && a.Bytes.SequenceEqual(b.Bytes)).All(same => same);

    private void WarnMissing(string what) =>
        Log.LogWarning(null, BuildMessageCodes.ManifestMissing, null, null, 0, 0, 0, 0,
            ProjectName + ": no stack artefacts written: " + what + ". The Iklim.StackSdk generator did not run: check that the package (or, in this repository, the generator project) is referenced as an analyzer and that EmitCompilerGeneratedFiles is not turned off.");

    private void Error(string code, string file, string message) =>
        Log.LogError(null, code, null, file, 0, 0, 0, 0, message);
}
