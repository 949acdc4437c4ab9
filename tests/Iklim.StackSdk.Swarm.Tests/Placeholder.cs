using System.Text.RegularExpressions;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Model;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// The busybox image that stands in for every image of a stack (nothing can be pulled here), and the deploy of a
/// stack's generated files by the command their own header states.
/// </summary>
public static class Placeholder
{
    /// <summary>The local image every stack image name is tagged to.</summary>
    public const string Image = "iklim-swarm-placeholder:latest";

    /// <summary>
    /// What every placeholder task runs. A shell as PID 1 ignores SIGTERM unless it traps it, and every stop would
    /// then wait out the grace period (10 s); with the trap, stopping a task (drain, stack rm, daemon stop) is immediate.
    /// </summary>
    public const string Sleeper = "trap 'exit 0' TERM; sleep 3600 & wait";

    private static readonly Regex Variable = new(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)((?<fallback>:?-[^}]*)|:?\?[^}]*)?\}", RegexOptions.CultureInvariant);

    public static string? BusyboxPath() => File.Exists("/bin/busybox") ? "/bin/busybox" : Shell.Which("busybox");

    /// <summary>The commands of <paramref name="model"/>'s services the placeholder lacks (vault's <c>server</c>, etcd's <c>etcd</c>).</summary>
    public static IEnumerable<string> Stubs(StackModel model) =>
        SwarmFixture.DeployedScopes(model).SelectMany(s => s.Scope.Services)
            .SelectMany(s => new[] { s.Entrypoint?.FirstOrDefault(), s.Command?.FirstOrDefault() })
            .OfType<string>()
            .Where(c => c is not "sh" and not "sleep" && !Iklim.StackSdk.Validation.Names.HasInterpolation(c))
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Imports a busybox root as <see cref="Image"/> on <paramref name="docker"/>'s daemon: busybox with the applets
    /// the tests use, and each stub as a script that sleeps like the placeholder. Returns what it imported, for the log.
    /// </summary>
    public static string Import(DockerCli docker, IReadOnlyCollection<string> stubs)
    {
        var root = Directory.CreateTempSubdirectory("iklim-swarm-rootfs-").FullName;
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
            File.Copy(BusyboxPath()!, Path.Combine(bin, "busybox"));
            foreach (var applet in new[] { "sh", "sleep", "nslookup", "ping", "hostname", "cat" })
            {
                File.CreateSymbolicLink(Path.Combine(bin, applet), "busybox");
            }

            foreach (var stub in stubs)
            {
                var path = stub.StartsWith('/') ? Path.Combine(root, stub.TrimStart('/')) : Path.Combine(bin, stub);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (!File.Exists(path))
                {
                    File.WriteAllText(path, "#!/bin/sh\n" + Sleeper + "\n");
                    if (OperatingSystem.IsLinux())
                    {
                        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
                    }
                }
            }

            var tar = root + ".tar";
            try
            {
                var packed = Shell.Run("tar", new[] { "-C", root, "-cf", tar, "." });
                if (!packed.Ok)
                {
                    throw new InvalidOperationException(packed.ToString());
                }

                docker.Check("import", "--change", "CMD [\"sh\",\"-c\",\"" + Sleeper + "\"]", tar, Image);
            }
            finally
            {
                File.Delete(tar);
            }

            return $"docker import of busybox root (sh, sleep, nslookup, ping{string.Concat(stubs.Select(s => ", stub " + s))}) with CMD sh -c \"{Sleeper}\" as {Image}";
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Writes <paramref name="model"/>'s artefacts to a fresh folder and runs the deploy command the artefact's own
    /// header states (<c># Deploy: docker stack deploy -c ... name</c>), i.e. the command the README gives, with
    /// <paramref name="flags"/> after <c>deploy</c>. Variables with a fallback are unset (so the fallback, a named
    /// volume, applies); the others get a dummy value. Returns the stack name and the result.
    /// </summary>
    public static (string Stack, CommandResult Result) Deploy(DockerCli docker, StackModel model, string artefactPath, ITestOutputHelper output, params string[] flags)
    {
        var dir = Directory.CreateTempSubdirectory("iklim-swarm-stack-").FullName;
        try
        {
            var artefacts = StackArtefacts.Create(model);
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var artefact in artefacts)
            {
                var file = Path.Combine(dir, artefact.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, artefact.Content);
                foreach (Match m in Variable.Matches(artefact.Content))
                {
                    environment[m.Groups["name"].Value] = m.Groups["fallback"].Success ? null : "swarm-test-" + m.Groups["name"].Value.ToLowerInvariant();
                }
            }

            var content = artefacts.Single(a => a.Path == artefactPath).Content;
            var header = Regex.Match(content, @"^#\s*Deploy:\s*(?<cmd>docker stack deploy .+)$", RegexOptions.Multiline);
            Assert.True(header.Success, $"{artefactPath} states no '# Deploy: docker stack deploy ...' command:\n{content}");
            var stated = header.Groups["cmd"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var command = stated.Take(3).Concat(flags).Concat(stated.Skip(3)).ToArray();
            output.WriteLine($"$ {string.Join(' ', command)}   (in {dir}; env: {string.Join(", ", environment.Select(e => e.Key + (e.Value is null ? " unset" : "=" + e.Value)))})");

            var result = docker.RunIn(dir, null, environment, command[1..]);
            output.WriteLine(result.StdOut + result.StdErr);
            return (command[^1], result);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
