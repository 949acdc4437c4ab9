using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Generators;
using Iklim.StackSdk.Generators.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.Analyzers.Tests.Generators;

public sealed class StackArtefactGeneratorTests
{
    private const string SmallStack = """
        using Iklim.StackSdk;

        [Stack("iklimco", BaseFile = "docker-stack-infra.yml")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Network("iklimco-net").External();
                stack.Service("redis").Image("redis:7.2.5-alpine").Network("iklimco-net").Replicas(1);
                stack.Service("api").Image("registry.iklim.co/api:1.0.0").Network("iklimco-net");
                stack.Profile("prod", prod => prod.Service("redis").Replicas(3).MaxReplicasPerNode(1));
            }
        }
        """;

    [Fact]
    public void SmallStack_WritesBaseAndOverlayAndSummary()
    {
        var stack = Assert.Single(GeneratorRun.Run(SmallStack));

        Assert.Equal("iklimco", stack.Name);
        Assert.False(stack.Blocked);
        Assert.Equal("2 services, prod overrides 1", stack.Summary);
        Assert.Equal(new[] { "docker-stack-infra.yml", "docker-stack-infra.prod.yml", "STACK.md" }, stack.Files.Select(f => f.Key));

        var expected = StackArtefacts.Create(StackCompilation.Create(SmallStack).RunAtRuntime().Model);
        Assert.Equal(expected.Select(a => a.Content), stack.Files.Select(f => f.Value));
        Assert.Contains("replicas: 3", stack.Files[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void StackWithError_IsBlockedWithoutFiles()
    {
        var stack = Assert.Single(GeneratorRun.Run("""
            using Iklim.StackSdk;

            [Stack("iklimco")]
            public sealed class InfraStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack)
                {
                    stack.Service("redis").Replicas(-1);
                    stack.Service("api").Network("missing");
                }
            }
            """));

        Assert.True(stack.Blocked);
        Assert.Empty(stack.Files);
        const string expected = "not written: 2 errors (IKS0002 at Stack0.cs(8,41): Replicas must be at least 0, not -1.; IKS0003 at Stack0.cs(9,30): service 'api' uses network 'missing'";
        Assert.Equal(expected, stack.Summary.Substring(0, Math.Min(expected.Length, stack.Summary.Length)));
    }

    [Fact]
    public void StackWithWarningOnly_IsWritten()
    {
        var stack = Assert.Single(GeneratorRun.Run("""
            using Iklim.StackSdk;

            [Stack("iklimco")]
            public sealed class InfraStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack)
                {
                    stack.Service("redis");
                    stack.Service("redis");
                }
            }
            """));

        Assert.False(stack.Blocked);
        Assert.Equal(new[] { "docker-stack.yml", "STACK.md" }, stack.Files.Select(f => f.Key));
    }

    [Fact]
    public void EnvFiles_AreListedForTheBuildsFileCheck_AtTheirPathArgument_OrAtTheHelpersCall()
    {
        const string source = """
            using Iklim.StackSdk;

            [Stack("iklimco")]
            public sealed class InfraStack : IStackDefinition
            {
                private static void Worker(IStackBuilder stack, string file) => stack.Service("worker").Image("nginx:1.27.2").EnvFile(file);

                public void Configure(IStackBuilder stack)
                {
                    stack.Service("api").Image("nginx:1.27.2").EnvFile("./env/api.env").EnvFile("/etc/iklim/abs.env").EnvFile(Env.Var("ENV_DIR") + "/x.env");
                    Worker(stack, "env/worker.env");
                    stack.Profile("prod", prod => prod.Service("api").EnvFile("./env/prod.env"));
                }
            }
            """;
        var run = GeneratorRun.CreateDriver().RunGenerators(StackCompilation.Create(source).Compilation).GetRunResult().Results.Single();
        var references = Iklim.StackSdk.Generators.Manifest.ReferencedFiles.Read(Assert.Single(run.GeneratedSources).SourceText.ToString());
        var lines = source.Split('\n');
        (int Line, int Column) At(string text, string within)
        {
            var line = Array.FindIndex(lines, l => l.Contains(within, StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal));
            return (line + 1, lines[line].IndexOf(text, StringComparison.Ordinal) + 1);
        }

        // Absolute and deploy-time paths name files on the deploying machine: not checked.
        Assert.Equal(new[] { "./env/api.env", "env/worker.env", "./env/prod.env" }, references.Select(r => r.Path));
        Assert.All(references, r => Assert.Equal(("iklimco", "service", "Stack0.cs"), (r.Stack, r.Kind, Path.GetFileName(r.SourceFile))));
        Assert.Equal(new[] { "api", "worker", "api" }, references.Select(r => r.Name));
        Assert.Equal(At("\"./env/api.env\"", "stack.Service(\"api\")"), (references[0].Line, references[0].Column));
        Assert.Equal(At("Worker(stack", "Worker(stack"), (references[1].Line, references[1].Column));
        Assert.Equal(At("\"./env/prod.env\"", "stack.Profile"), (references[2].Line, references[2].Column));
    }

    [Fact]
    public void NoStacks_StillWritesAnEmptyManifest() =>
        Assert.Empty(GeneratorRun.Run("public sealed class NotAStack { }"));

    [Fact]
    public void SeveralStacks_AreSortedByName()
    {
        var stacks = GeneratorRun.Run(
            """
            using Iklim.StackSdk;

            [Stack("zeta")]
            public sealed class Zeta : IStackDefinition
            {
                public void Configure(IStackBuilder stack) => stack.Service("a");
            }
            """,
            """
            using Iklim.StackSdk;

            [Stack("alpha")]
            public sealed class Alpha : IStackDefinition
            {
                public void Configure(IStackBuilder stack) => stack.Service("b");
            }
            """);

        Assert.Equal(new[] { "alpha", "zeta" }, stacks.Select(s => s.Name));
    }

    [Fact]
    public void SecondRun_IsCachedAndUnrelatedEditKeepsOutputs()
    {
        var compilation = StackCompilation.Create(SmallStack).Compilation;
        var driver = GeneratorRun.CreateDriver().RunGenerators(compilation);
        var first = GeneratorRun.Manifest(driver);

        driver = driver.RunGenerators(compilation);
        AssertAllStepsReused(driver);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public const int Answer = 42; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        driver = driver.RunGenerators(edited);
        AssertAllStepsReused(driver);
        Assert.Equal(first.Single().Files, GeneratorRun.Manifest(driver).Single().Files);
    }

    [Fact]
    public void EditInsideOneOfTwoStacks_EvaluatesAndEmitsOnlyThatStack()
    {
        var compilation = StackCompilation.Create(AlphaStack("Replicas(1)"), ZetaStack).Compilation;
        var driver = GeneratorRun.CreateDriver().RunGenerators(compilation);
        var before = GeneratorRun.Manifest(driver);

        var alphaTree = compilation.SyntaxTrees.First();
        var editedTree = alphaTree.WithChangedText(SourceText.From(AlphaStack("Replicas(2)")));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(alphaTree, editedTree));

        // Roslyn runs the transform for zeta again (the compilation changed); the cache answers it without evaluating.
        var evaluated = StepOutputs(driver, TrackingNames.EvaluatedStacks);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(evaluated, o => o.Name == "alpha").Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(evaluated, o => o.Name == "zeta").Reason);
        Assert.Equal(1, EvaluationCache.EvaluationsIn(compilation.SyntaxTrees.Last()));

        var emitted = StepOutputs(driver, TrackingNames.EmittedStacks);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(emitted, o => o.Name == "alpha").Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(emitted, o => o.Name == "zeta").Reason);

        var after = GeneratorRun.Manifest(driver);
        Assert.NotEqual(before.Single(s => s.Name == "alpha").Files, after.Single(s => s.Name == "alpha").Files);
        Assert.Equal(before.Single(s => s.Name == "zeta").Files, after.Single(s => s.Name == "zeta").Files);
    }

    private const string ZetaStack = """
        using Iklim.StackSdk;

        [Stack("zeta")]
        public sealed class Zeta : IStackDefinition
        {
            public void Configure(IStackBuilder stack) => stack.Service("web").Image("nginx:1.27.2").Replicas(1);
        }
        """;

    private static string AlphaStack(string replicas) => $$"""
        using Iklim.StackSdk;

        [Stack("alpha")]
        public sealed class Alpha : IStackDefinition
        {
            public void Configure(IStackBuilder stack) => stack.Service("api").Image("registry.iklim.co/api:1.0.0").{{replicas}};
        }
        """;

    private static List<(string Name, IncrementalStepRunReason Reason)> StepOutputs(GeneratorDriver driver, string trackingName) =>
        driver.GetRunResult().Results.Single().TrackedSteps[trackingName]
            .SelectMany(step => step.Outputs)
            .Select(output => (output.Value is EvaluatedStack evaluated ? evaluated.Name : ((StackOutcome)output.Value).Name, output.Reason))
            .ToList();

    private static void AssertAllStepsReused(GeneratorDriver driver)
    {
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { TrackingNames.EvaluatedStacks, TrackingNames.EmittedStacks, TrackingNames.AllStacks })
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            var reasons = steps[name].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {reason}"));
        }

        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}
