using System.Diagnostics;
using System.Globalization;
using Iklim.StackSdk.Emitting;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// Times, in one run and on the same files, our end-to-end analysis of the 1,000-service stack next to
/// <c>docker stack config -c base -c prod</c> and <c>dclint</c> on the YAML that stack emits, and prints the ratios.
/// Usage: <c>-- side-by-side [services] [runs]</c>; dclint is taken from eng/lint/node_modules/.bin (run <c>npm ci</c> there first).
/// </summary>
internal static class SideBySide
{
    public static int Run(string[] args)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var prepared = new PreparedStack(services);
        var folder = Directory.CreateTempSubdirectory("iklim-bench-").FullName;
        var artefacts = StackArtefacts.Create(prepared.Model);
        foreach (var artefact in artefacts)
        {
            File.WriteAllText(Path.Combine(folder, artefact.Path), artefact.Content);
        }

        var baseFile = Path.Combine(folder, artefacts[0].Path);
        var overlayFile = Path.Combine(folder, artefacts[1].Path);
        var dclint = Path.Combine(RepositoryRoot(), "eng", "lint", "node_modules", ".bin", "dclint");

        Console.WriteLine($"{services} services, {runs} runs each, median wall-clock; files in {folder}");
        Console.WriteLine($"load average before: {Timing.LoadAverage()}");
        prepared.RunEndToEnd();
        var ours = Timing.MedianMilliseconds(runs, prepared.Fresh, c => PreparedStack.RunEndToEnd(c));
        var docker = Timing.MedianMilliseconds(runs, () => Exec("docker", "stack", "config", "-c", baseFile, "-c", overlayFile));
        var lint = File.Exists(dclint)
            ? Timing.MedianMilliseconds(runs, () => Exec(dclint, baseFile, overlayFile))
            : double.NaN;
        Console.WriteLine($"load average after: {Timing.LoadAverage()}");

        Print("Iklim end to end (generator + analyzers)", ours, ours);
        Print("docker stack config -c base -c prod", docker, ours);
        Print(File.Exists(dclint) ? "dclint base prod" : "dclint (not installed: npm ci in eng/lint)", lint, ours);
        return 0;
    }

    private static void Print(string what, double milliseconds, double ours) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} {milliseconds,9:F0} ms   {milliseconds / ours,6:F2} x ours"));

    /// <summary>Runs a tool to completion; its exit code is not judged (dclint exits non-zero on findings), only its time.</summary>
    private static void Exec(string file, params string[] arguments) => Capture(file, arguments);

    /// <summary>Runs a tool to completion and returns what it wrote, standard output then standard error.</summary>
    internal static string Capture(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Task.WaitAll(output, error);
        return output.Result + error.Result;
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IklimStackSdk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }
}
