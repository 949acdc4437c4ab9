using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Cli.Diffing;
using Iklim.StackSdk.Cli.Reading;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Cli.Importing;

/// <summary>What an import wrote and what it left out.</summary>
/// <param name="Written">The files written into the output folder.</param>
/// <param name="Dropped">The fields dropped, as <c>file(line): key: why</c>.</param>
/// <param name="Warnings">The policy warnings the SDK reports on the imported stack (the build will show them too).</param>
/// <param name="Profiles">The profile made of each overlay, in order.</param>
internal sealed record ImportResult(IReadOnlyList<string> Written, IReadOnlyList<string> Dropped, IReadOnlyList<string> Warnings, IReadOnlyList<string> Profiles);

/// <summary>
/// <c>iklim-stack import</c>: reads the files, turns every key into DSL calls, runs those calls on the SDK's builders,
/// checks that what the calls build deploys exactly what the files deploy (base alone, base + each overlay), and
/// only then writes the stack class (and a project file when the folder has none) through a staging folder, so that
/// a refused import leaves the output folder as it was.
/// </summary>
internal static class Importer
{
    /// <summary>
    /// <paramref name="file"/> with its relative host paths (config and secret files, env files, bind sources) made
    /// relative to the stack project in <paramref name="output"/>, as the DSL means them. Docker reads them from the
    /// folder of the first compose file, <paramref name="baseFile"/>, an overlay's too (measured).
    /// </summary>
    private static ComposeFile ProjectRelative(ComposeFile file, string baseFile, string output)
    {
        var from = Path.GetDirectoryName(Path.GetFullPath(baseFile))!;
        var project = Path.GetFullPath(output);
        string Rebase(string path)
        {
            var relative = Path.GetRelativePath(project, Path.GetFullPath(Path.Combine(from, path))).Replace('\\', '/');
            return relative == "." ? "." : relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." ? relative : "./" + relative;
        }

        FileResourceSpec Resource(FileResourceSpec r) => r.File is { } path && HostPaths.IsProjectFile(r) ? r with { File = Rebase(path) } : r;
        var scope = file.Scope with
        {
            Configs = file.Scope.Configs.Select(Resource).ToValueList(),
            Secrets = file.Scope.Secrets.Select(Resource).ToValueList(),
            Services = file.Scope.Services.Select(s => s with
            {
                Volumes = s.Volumes.Select(v => HostPaths.IsRelative(v.Source) ? v with { Source = Rebase(v.Source) } : v).ToValueList(),
                EnvFiles = s.EnvFiles.Select(f => ProjectPaths.IsProjectPath(f) ? Rebase(f) : f).ToValueList(),
            }).ToValueList(),
        };
        return file with { Scope = scope };
    }

    /// <summary>Imports <paramref name="baseFile"/> and <paramref name="overlays"/> as the stack <paramref name="stackName"/> into <paramref name="output"/>.</summary>
    public static ImportResult Import(string baseFile, IReadOnlyList<string> overlays, IReadOnlyList<string> profileNames, string stackName, string output)
    {
        var read = new[] { baseFile }.Concat(overlays).Select(ComposeReader.Read).ToList();
        CheckEnvFiles(read, baseFile);
        var files = read.Select(f => ProjectRelative(f, baseFile, output)).ToList();
        CheckVersions(files);
        CheckRestartAcrossFiles(files);
        var profiles = ProfileNames(baseFile, overlays, profileNames);
        var baseRead = files[0];

        var baseChains = StackCalls.Of(baseRead.Scope, problem => Refused(baseRead, problem));
        var profileChains = files.Skip(1).Select((file, i) => new ProfileChains(profiles[i], StackCalls.Of(file.Scope, problem => Refused(file, problem), baseRead.Scope))).ToList();

        StackBuilder builder;
        try
        {
            builder = new StackBuilder(stackName, Path.GetFileName(baseFile));
        }
        catch (ArgumentException e)
        {
            throw new ImportException("--name", 0, stackName, e.Message);
        }

        CallRunner.Run(builder, baseChains, (path, problem) => At(baseRead, path, problem));
        for (var i = 0; i < profileChains.Count; i++)
        {
            var file = files[i + 1];
            var chains = profileChains[i].Chains;
            try
            {
                builder.Profile(profileChains[i].Name, profile => CallRunner.Run(profile, chains, (path, problem) => At(file, path, problem)));
            }
            catch (ArgumentException e)
            {
                throw new ImportException(file.File, 0, "--profile " + profileChains[i].Name, e.Message);
            }
        }

        var result = builder.Build();
        var fileOfScope = profiles.Select((name, i) => (name, file: files[i + 1])).ToDictionary(p => p.name, p => p.file, StringComparer.Ordinal);
        fileOfScope[string.Empty] = baseRead;
        if (result.Findings.FirstOrDefault(f => f.Severity == FindingSeverity.Error) is { } error)
        {
            var file = fileOfScope[error.Where.Scope];
            throw At(file, PathOf(error.Where), error.Id + ": " + error.Message);
        }

        CheckSameDeployment(files, profiles, result.Model);

        var className = CSharpWriter.Identifier(stackName, camel: false) is { Length: > 0 } stem ? stem + "Stack" : "ImportedStack";
        var written = Write(output, className, stackName, Path.GetFileName(baseFile), files.Select(f => Path.GetFileName(f.File)).ToList(), baseChains, profileChains);
        var warnings = result.Findings.Where(f => f.Severity == FindingSeverity.Warning).Select(f => f.Id + ": " + f.Message).ToList();
        return new ImportResult(written, files.SelectMany(f => f.Dropped).ToList(), warnings, profiles);
    }

    // Docker reads the env files when it loads the stack: a missing one fails the deploy. It resolves each file's
    // env_file before merging the files (measured), so a variable an overlay's env file sets overrides the base's
    // environment of that name, where the DSL keeps environment above every env file. Only the names are read.
    private static void CheckEnvFiles(IReadOnlyList<ComposeFile> files, string baseFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(baseFile))!;
        foreach (var file in files)
        {
            foreach (var service in file.Scope.Services)
            {
                var inBase = ReferenceEquals(file, files[0]) ? null : files[0].Scope.Service(service.Name);
                var at = "services." + service.Name + ".env_file";
                foreach (var envFile in service.EnvFiles.Where(f => !Interpolation.Contains(f)))
                {
                    var full = Path.GetFullPath(Path.Combine(folder, envFile));
                    if (!File.Exists(full))
                    {
                        throw At(file, at, $"'{envFile}' does not exist ({full}): Docker refuses to load the stack.");
                    }

                    if (inBase is null || inBase.EnvFiles.Contains(envFile))
                    {
                        continue;
                    }

                    if (VariableNames(full).FirstOrDefault(n => inBase.Environment.ContainsKey(n) && !service.Environment.ContainsKey(n)) is { } hidden)
                    {
                        throw At(file, at, $"'{hidden}' is set by the base's environment and by the env file '{envFile}' this overlay adds: Docker lets the overlay's file win, while the DSL keeps environment above every env file. Set {hidden} in this overlay's environment too, or in only one of the two.");
                    }
                }
            }
        }
    }

    // The variable names of an env file: each line that is not blank or a comment, up to its '='.
    private static IEnumerable<string> VariableNames(string envFile) =>
        File.ReadLines(envFile)
            .Select(line => line.TrimStart())
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => (line.IndexOf('=') is var equals and >= 0 ? line.Substring(0, equals) : line).Trim());

    // Docker 28 rejects files whose versions differ, and reads a file without one (or "3") as its latest, 3.13.
    private static void CheckVersions(IReadOnlyList<ComposeFile> files)
    {
        static string Effective(ComposeFile file) => file.Version is null or "3" ? "3.13" : file.Version;
        foreach (var file in files.Skip(1).Where(f => Effective(f) != Effective(files[0])))
        {
            throw new ImportException(
                file.File,
                file.LineOf("version"),
                "version",
                $"compose version {Effective(file)}{(file.Version is null ? " (none stated)" : string.Empty)} differs from {Effective(files[0])}{(files[0].Version is null ? " (none stated)" : string.Empty)} in {files[0].File}: Docker rejects files whose versions differ.");
        }
    }

    // docker-stack-infra.prod.yml next to docker-stack-infra.yml is the profile prod, unless --profile names it.
    private static IReadOnlyList<string> ProfileNames(string baseFile, IReadOnlyList<string> overlays, IReadOnlyList<string> given)
    {
        if (given.Count > 0)
        {
            return given.Count == overlays.Count
                ? given
                : throw new ImportException("--profile", 0, "--profile", $"{given.Count} profile names for {overlays.Count} overlays: give one --profile per overlay, in order, or none.");
        }

        var stem = Path.GetFileNameWithoutExtension(baseFile) + ".";
        return overlays.Select(overlay =>
        {
            var name = Path.GetFileNameWithoutExtension(overlay);
            return name.StartsWith(stem, StringComparison.Ordinal) && name.Length > stem.Length
                ? name.Substring(stem.Length)
                : throw new ImportException(overlay, 0, "--profile", $"the profile name cannot be told from the file name (expected {stem}<profile>{Path.GetExtension(baseFile)}): name it with --profile.");
        }).ToList();
    }

    // The built model must deploy what the files deploy: for the base, and for base + each overlay.
    // Docker reads a service's restart only when the merged service has no deploy.restart_policy, and an overlay's
    // restart replaces the base's whole string; a profile's .RestartPolicy merges field by field. So a restart that
    // meets a restart or deploy.restart_policy of the same service in the other file of a deployment is refused.
    private static void CheckRestartAcrossFiles(IReadOnlyList<ComposeFile> files)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var others = i == 0 ? files.Skip(1) : files.Take(1);
            foreach (var service in files[i].Scope.Services)
            {
                var restart = $"services.{service.Name}.restart";
                var policy = $"services.{service.Name}.deploy.restart_policy";
                if (files[i].Lines.ContainsKey(restart)
                    && others.FirstOrDefault(o => o.Lines.ContainsKey(restart) || o.Lines.ContainsKey(policy)) is { } other)
                {
                    throw At(files[i], restart, $"{other.File} also sets this service's {(other.Lines.ContainsKey(restart) ? "restart" : "deploy.restart_policy")}: Docker then takes the merged deploy.restart_policy or the last restart whole, which the DSL's field-by-field .RestartPolicy cannot carry; state deploy.restart_policy in both files instead.");
                }
            }
        }
    }

    private static void CheckSameDeployment(IReadOnlyList<ComposeFile> files, IReadOnlyList<string> profiles, StackModel model)
    {
        Same(files[0], files[0].Scope, model.Base);
        var plan = StackPlan.Of(model);
        for (var i = 0; i < profiles.Count; i++)
        {
            var expected = Deployment.Effective(new[] { files[0], files[i + 1] });
            var actual = plan.For(profiles[i])!.Effective;
            Same(files[i + 1], expected, actual);
        }
    }

    private static void Same(ComposeFile file, StackScope expected, StackScope actual)
    {
        if (StackDiff.Compare(expected, actual).FirstOrDefault() is { } difference)
        {
            var path = difference.Owner.Contains('.', StringComparison.Ordinal) ? difference.Owner : "services." + difference.Owner + (difference.Key.Length > 0 ? "." + difference.Key : string.Empty);
            throw At(file, path, $"the DSL would deploy this differently ({difference}), so the file cannot be imported as it is.");
        }
    }

    private static string PathOf(SourceRef where) => where.Kind switch
    {
        "service" => "services." + where.Name,
        "network" => "networks." + where.Name,
        "volume" => "volumes." + where.Name,
        "secret" => "secrets." + where.Name,
        "config" => "configs." + where.Name,
        _ => where.Name,
    };

    private static ImportException At(ComposeFile file, string path, string problem) => new(file.File, file.LineOf(path), path, problem);

    // StackCalls reports "<path>: <problem>".
    private static ImportException Refused(ComposeFile file, string problem)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        return At(file, problem.Substring(0, colon), problem.Substring(colon + 2));
    }

    private static IReadOnlyList<string> Write(string output, string className, string stackName, string baseFile, IReadOnlyList<string> sources, IReadOnlyList<DslChain> baseChains, IReadOnlyList<ProfileChains> profiles)
    {
        var outputFull = Path.GetFullPath(output);
        var projectName = CSharpWriter.Identifier(Path.GetFileName(outputFull.TrimEnd(Path.DirectorySeparatorChar)), camel: false) is { Length: > 0 } name ? name : className;
        var hasProject = Directory.Exists(outputFull) && Directory.EnumerateFiles(outputFull, "*.csproj").Any();
        var staged = new List<(string Name, string Text)>
        {
            (className + ".cs", CSharpWriter.Write(hasProject ? ExistingNamespace(outputFull, projectName) : projectName, className, stackName, baseFile, sources, baseChains, profiles)),
        };
        if (!hasProject)
        {
            staged.Add((projectName + ".csproj", Project()));
        }

        // Staged next to the output folder (same file system, so the moves cannot fail half way for lack of space elsewhere).
        var parent = Path.GetDirectoryName(outputFull) ?? outputFull;
        Directory.CreateDirectory(parent);
        var stage = Path.Combine(parent, ".iklim-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(stage);
        try
        {
            foreach (var (fileName, text) in staged)
            {
                File.WriteAllText(Path.Combine(stage, fileName), text, new System.Text.UTF8Encoding(false));
            }

            Directory.CreateDirectory(outputFull);
            foreach (var (fileName, _) in staged)
            {
                File.Move(Path.Combine(stage, fileName), Path.Combine(outputFull, fileName), overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(stage, recursive: true);
        }

        return staged.Select(s => Path.Combine(output, s.Name)).ToList();
    }

    // A folder that has a project keeps its RootNamespace when it states one.
    private static string ExistingNamespace(string folder, string fallback)
    {
        var project = File.ReadAllText(Directory.EnumerateFiles(folder, "*.csproj").OrderBy(f => f, StringComparer.Ordinal).First());
        var match = System.Text.RegularExpressions.Regex.Match(project, "<RootNamespace>([A-Za-z_][A-Za-z0-9_.]*)</RootNamespace>");
        return match.Success ? match.Groups[1].Value : fallback;
    }

    private static string Project() =>
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n"
        + "  <!-- Imported by iklim-stack. `dotnet build` checks the stack (IKS diagnostics) and writes deploy/. -->\n"
        + "  <PropertyGroup>\n"
        + "    <TargetFramework>net10.0</TargetFramework>\n"
        + "    <Nullable>enable</Nullable>\n"
        + "  </PropertyGroup>\n\n"
        + "  <ItemGroup>\n"
        + "    <PackageReference Include=\"Iklim.StackSdk\" Version=\"" + SdkVersion + "\" />\n"
        + "  </ItemGroup>\n"
        + "</Project>\n";

    /// <summary>The SDK version this tool was built with (both come from src/Directory.Build.props).</summary>
    public static string SdkVersion { get; } =
        (typeof(Importer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
