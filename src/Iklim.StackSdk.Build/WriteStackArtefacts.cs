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
/// into the deploy folder, all or nothing (<see cref="DeployTransaction"/>). A file is written only when its bytes
/// differ from the disk, so unchanged artefacts keep their timestamps. The folder's <c>.iklim-stack-files</c> lists
/// the files the build owns (<see cref="OwnedFiles"/>): an owned file the build no longer produces is deleted, and a
/// file it does not own is never touched.
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
        var joined = new HashSet<string>(StringComparer.Ordinal);
        var plans = ReadPlans(deployDirectory, joined);
        RejectConflicts(plans, joined);
        foreach (var plan in plans.Where(plan => plan.Blocked))
        {
            Log.LogMessage(MessageImportance.High, ProjectName + ": " + plan.Name + " not written: " + plan.Summary);
        }

        // Nothing is written when anything is wrong: the folder keeps the files of the last good build.
        if (Log.HasLoggedErrors)
        {
            return false;
        }

        var changes = PlanChanges(plans, joined, deployDirectory);
        if (Log.HasLoggedErrors)
        {
            return false;
        }

        try
        {
            changes.Transaction.Commit();
        }
        catch (DeployWriteException exception)
        {
            var state = exception.Restored ? "nothing in the deploy folder was changed" : "some files could not be put back; compare the deploy folder with version control";
            Error(BuildMessageCodes.WriteFailed, exception.Path, 0, 0, ProjectName + ": could not write '" + exception.Path + "': " + exception.Message + " The build wrote nothing: " + state + ".");
            return false;
        }

        Report(plans, changes, deployDirectory);
        return !Log.HasLoggedErrors;
    }

    private List<StackPlan> ReadPlans(string deployDirectory, HashSet<string> joined)
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
                    Error(BuildMessageCodes.UnreadableManifest, manifestPath, 0, 0, ProjectName + ": '" + manifestPath + "' is not a stack artefact manifest this build step reads (expected '" + ArtefactManifest.Header + "'); the generator and the build step must come from the same Iklim.StackSdk version.");
                    continue;
                }

                stacks = ArtefactManifest.Read(text);
                joined.UnionWith(ArtefactManifest.JoinedPaths(text));
                missing = ReferencedFileCheck.ReportMissing(Log, text, ProjectDirectory, ProjectName);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is FormatException || exception is ArgumentException)
            {
                Error(BuildMessageCodes.UnreadableManifest, manifestPath, 0, 0, ProjectName + ": could not read the stack artefact manifest '" + manifestPath + "': " + exception.Message);
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
        var plan = new StackPlan(stack.Name, stack.Blocked, stack.Summary, manifestPath, stack.Origin);
        if (stack.Blocked)
        {
            return plan;
        }

        foreach (var file in stack.Files)
        {
            var fullPath = ArtefactPath.Resolve(deployDirectory, file.Key);
            if (fullPath is null || OwnedFiles.IsReserved(file.Key))
            {
                var why = fullPath is null
                    ? "is not a relative path inside the deploy folder ('/'-separated, no '..', not rooted)"
                    : "is the build's own bookkeeping (" + OwnedFiles.FileName + ", " + OwnedFiles.StagingFolder + "/)";
                ErrorAt(BuildMessageCodes.UnsafeArtefactPath, plan, ProjectName + ": " + stack.Name + " not written: the artefact path '" + file.Key + "' " + why + ".");
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
            var what = string.Equals(earlier.ManifestPath, plan.ManifestPath, StringComparison.Ordinal)
                ? "two [Stack] classes are named '" + plan.Name + "' and produce different files; give each stack its own name."
                : "the manifests '" + earlier.ManifestPath + "' and '" + plan.ManifestPath + "' describe it differently.";
            ErrorAt(BuildMessageCodes.ConflictingArtefacts, plan, ProjectName + ": " + plan.Name + " not written: " + what);
            earlier.Rejected = true;
        }
    }

    /// <summary>
    /// Two stacks may name the same file only with the same bytes, or when it is a joined file (one section each).
    /// Paths are compared ignoring case, because they would collide on Windows and macOS and the output must not
    /// depend on the machine. The error is at the <c>[Stack]</c> attribute of the later stack.
    /// </summary>
    private void RejectConflicts(List<StackPlan> plans, HashSet<string> joined)
    {
        var owners = new Dictionary<string, (StackPlan Plan, PlannedFile File)>(StringComparer.OrdinalIgnoreCase);
        foreach (var plan in plans.Where(plan => !plan.Blocked))
        {
            foreach (var file in plan.Files.Where(file => !joined.Contains(file.RelativePath)))
            {
                if (!owners.TryGetValue(file.FullPath, out var owner))
                {
                    owners.Add(file.FullPath, (plan, file));
                }
                else if (!string.Equals(owner.File.FullPath, file.FullPath, StringComparison.Ordinal) || !owner.File.Bytes.SequenceEqual(file.Bytes))
                {
                    ErrorAt(BuildMessageCodes.ConflictingArtefacts, plan, ProjectName + ": " + plan.Name + " not written: '" + file.RelativePath + "' is also produced by " + owner.Plan.Name + " with different content. Two stacks in one deploy folder need their own base files (BaseFile = \"docker-stack-" + plan.Name + ".yml\") and gateway services with different names, or their own deploy folders.");
                    plan.Rejected = true;
                    owner.Plan.Rejected = true;
                }
            }
        }
    }

    /// <summary>
    /// What this build changes: the artefacts whose bytes differ from the disk, the owned files no stack produces any
    /// more, and the new list of owned files. With no list yet (the first build, or the first after an upgrade) the
    /// build owns exactly what it produces now. While some stack is blocked its files are unknown, so nothing is
    /// deleted, the joined files keep their previous sections, and everything owned stays owned.
    /// </summary>
    private DeployChanges PlanChanges(List<StackPlan> plans, HashSet<string> joined, string deployDirectory)
    {
        var unsafeLines = new List<string>();
        var owned = OwnedFiles.Read(deployDirectory, unsafeLines);
        var ownedPath = Path.Combine(deployDirectory, OwnedFiles.FileName);
        foreach (var line in unsafeLines)
        {
            Log.LogWarning(null, BuildMessageCodes.UnsafeOwnedFile, null, BuildMessageCodes.HelpLink(BuildMessageCodes.UnsafeOwnedFile), ownedPath, 0, 0, 0, 0,
                ProjectName + ": '" + line + "' in " + OwnedFiles.FileName + " is not a file inside the deploy folder; it is ignored, and the build rewrites the list without it.");
        }

        var anyBlocked = plans.Any(plan => plan.Blocked);
        var produced = Produced(plans, joined, anyBlocked);
        var changes = new DeployChanges(new DeployTransaction(deployDirectory));
        foreach (var (plan, file) in produced)
        {
            if (ArtefactFile.Holds(file.FullPath, file.Bytes))
            {
                ArtefactFile.MarkExecutableIfScript(file.FullPath);
                continue;
            }

            if (owned is not null && !owned.Contains(file.RelativePath) && (File.Exists(file.FullPath) || Directory.Exists(file.FullPath)))
            {
                Error(BuildMessageCodes.NotOwned, file.FullPath, 0, 0, ProjectName + ": " + plan.Name + " not written: '" + file.RelativePath + "' is already in the deploy folder and is not one of the build's files (" + OwnedFiles.FileName + "). Move or delete it, then build again.");
                continue;
            }

            changes.Transaction.Write(file.FullPath, file.Bytes);
            changes.Written.Add((plan, file));
        }

        var keep = new HashSet<string>(produced.Select(p => p.File.RelativePath), StringComparer.Ordinal);
        if (owned is not null && anyBlocked)
        {
            keep.UnionWith(owned);
        }
        else if (owned is not null)
        {
            var producedIgnoringCase = new HashSet<string>(keep, StringComparer.OrdinalIgnoreCase);
            foreach (var path in owned.Where(path => !producedIgnoringCase.Contains(path)).OrderBy(path => path, StringComparer.Ordinal))
            {
                var fullPath = ArtefactPath.Resolve(deployDirectory, path);
                if (fullPath is not null && File.Exists(fullPath))
                {
                    changes.Transaction.Delete(fullPath);
                    changes.Deleted.Add(path);
                }
            }
        }

        if (keep.Count == 0)
        {
            if (File.Exists(ownedPath))
            {
                changes.Transaction.Delete(ownedPath);
            }
        }
        else
        {
            var list = ArtefactFile.Bytes(OwnedFiles.Format(keep));
            if (!ArtefactFile.Holds(ownedPath, list))
            {
                changes.Transaction.Write(ownedPath, list);
                changes.Adopted = owned is null && produced.Any(p => File.Exists(p.File.FullPath));
            }
        }

        return changes;
    }

    /// <summary>
    /// Every file the stacks produce, each once, with the first stack that produces it. A joined file is the
    /// stacks' sections in manifest order, a blank line apart: exactly the one section for a single stack.
    /// </summary>
    private static List<(StackPlan Plan, PlannedFile File)> Produced(List<StackPlan> plans, HashSet<string> joined, bool anyBlocked)
    {
        var produced = new List<(StackPlan Plan, PlannedFile File)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in plans.Where(plan => !plan.Blocked))
        {
            foreach (var file in plan.Files)
            {
                if (!joined.Contains(file.RelativePath))
                {
                    if (seen.Add(file.FullPath))
                    {
                        produced.Add((plan, file));
                    }
                }
                else if (!anyBlocked && seen.Add(file.FullPath))
                {
                    var bytes = new List<byte>();
                    foreach (var section in plans.SelectMany(other => other.Files.Where(f => string.Equals(f.RelativePath, file.RelativePath, StringComparison.Ordinal))))
                    {
                        if (bytes.Count != 0)
                        {
                            bytes.Add((byte)'\n');
                        }

                        bytes.AddRange(section.Bytes);
                    }

                    produced.Add((plan, new PlannedFile(file.RelativePath, file.FullPath, bytes.ToArray())));
                }
            }
        }

        return produced;
    }

    private void Report(List<StackPlan> plans, DeployChanges changes, string deployDirectory)
    {
        var written = new List<ITaskItem>();
        foreach (var plan in plans.Where(plan => !plan.Blocked))
        {
            var files = changes.Written.Where(w => ReferenceEquals(w.Plan, plan)).Select(w => w.File).ToList();
            foreach (var file in files)
            {
                var item = new TaskItem(file.FullPath);
                item.SetMetadata("Stack", plan.Name);
                item.SetMetadata("RelativePath", file.RelativePath);
                written.Add(item);
            }

            var what = files.Count == 0
                ? DisplayDirectory(deployDirectory) + " up to date"
                : "wrote " + string.Join(", ", files.Select(file => file.RelativePath));
            var summary = plan.Summary.Length == 0 ? string.Empty : " (" + plan.Summary + ")";
            Log.LogMessage(MessageImportance.High, ProjectName + ": " + what + summary);
        }

        if (changes.Deleted.Count > 0)
        {
            Log.LogMessage(MessageImportance.High, ProjectName + ": deleted " + string.Join(", ", changes.Deleted) + " (no longer produced)");
        }

        if (changes.Adopted)
        {
            Log.LogMessage(MessageImportance.High, ProjectName + ": " + DisplayDirectory(deployDirectory) + OwnedFiles.FileName + " now lists the files the build owns; other files in the folder are never touched");
        }

        WrittenFiles = written.ToArray();
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
        Log.LogWarning(null, BuildMessageCodes.ManifestMissing, null, BuildMessageCodes.HelpLink(BuildMessageCodes.ManifestMissing), null, 0, 0, 0, 0,
            ProjectName + ": no stack artefacts written: " + what + ". The Iklim.StackSdk generator did not run: check that the package (or, in this repository, the generator project) is referenced as an analyzer and that EmitCompilerGeneratedFiles is not turned off.");

    /// <summary>An error at the stack's <c>[Stack]</c> attribute, or at its manifest when the manifest does not say where that is.</summary>
    private void ErrorAt(string code, StackPlan plan, string message)
    {
        if (plan.Origin is { } origin)
        {
            Error(code, origin.File, origin.Line, origin.Column, message);
        }
        else
        {
            Error(code, plan.ManifestPath, 0, 0, message);
        }
    }

    private void Error(string code, string file, int line, int column, string message) =>
        Log.LogError(null, code, null, BuildMessageCodes.HelpLink(code), file, line, column, 0, 0, message);

    /// <summary>What one build changes in the deploy folder, and what it tells the user about it.</summary>
    private sealed class DeployChanges
    {
        public DeployChanges(DeployTransaction transaction) => Transaction = transaction;

        public DeployTransaction Transaction { get; }

        public List<(StackPlan Plan, PlannedFile File)> Written { get; } = new List<(StackPlan, PlannedFile)>();

        public List<string> Deleted { get; } = new List<string>();

        /// <summary>Set when the list of owned files is new and some of them were already there (the first build after an upgrade).</summary>
        public bool Adopted { get; set; }
    }
}
