using System.Globalization;
using Iklim.StackSdk.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// One side of a target row in a loop, for a sampling profiler (dotnet-trace) to attach to:
/// <c>-- profile whole|idiomatic|compiler|endtoend [services] [runs]</c>. Prints each run's wall-clock and process CPU time: on a
/// loaded machine the CPU time is the steadier figure for comparing two builds of the SDK.
/// </summary>
internal static class ProfileLoop
{
    public static int Run(string[] args)
    {
        var what = args.Length > 0 ? args[0] : "whole";
        var services = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var prepared = new PreparedStack(services, idiomatic: what == "idiomatic");
        Action<CSharpCompilation> action = what switch
        {
            "compiler" => c => c.GetDiagnostics(),
            "endtoend" => c => PreparedStack.RunEndToEnd(c),
            _ => c =>
            {
                CSharpGeneratorDriver.Create(new StackArtefactGenerator().AsSourceGenerator())
                    .RunGeneratorsAndUpdateCompilation(c, out var generated, out _);
                generated.WithAnalyzers(PreparedStack.Analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            },
        };
        for (var i = 0; i < runs; i++)
        {
            var compilation = prepared.Fresh();
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            action(compilation);
            var wall = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} {services} run {i}: {wall:F0} ms, cpu {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms"));
        }

        return 0;
    }
}
