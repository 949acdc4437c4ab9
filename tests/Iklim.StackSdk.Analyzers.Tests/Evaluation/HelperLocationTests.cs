using System.Globalization;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using FixVerify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer, Iklim.StackSdk.CodeFixes.Fixes.StatefulWithoutMaxReplicasPerNodeFixer>;

namespace Iklim.StackSdk.Analyzers.Tests.Evaluation;

/// <summary>
/// Item 5 of issue 15: a finding caused by a call inside a helper is reported at the outermost call in Configure that
/// led to it, with each call on the way down (the line inside every helper) as an additional location and the helpers
/// named in the message. Shown with IKS0101: rabbitmq at 3 replicas without MaxReplicasPerNode.
/// </summary>
public sealed class HelperLocationTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Iklim.StackSdk;

        """;

    [Fact]
    public void OneHelperLevel_FindingAtTheHelperCall_WithTheInnerLineAsAdditionalLocation() => AssertAtCaller(
        Usings + """
        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5-alpine").Replicas(1);
                Queue(stack);
            }

            private static IServiceBuilder Queue(IStackScope scope) =>
                scope.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Replicas(3);
        }
        """,
        outermost: "Queue(stack)",
        inner: [".Replicas(3)"],
        helpers: ["Queue"]);

    [Fact]
    public void TwoHelperLevels_FindingAtTheOutermostCall() => AssertAtCaller(
        Usings + """
        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Network("iklimco-net");
                Messaging(stack);
            }

            private void Messaging(IStackScope scope)
            {
                scope.Service("mailer").Image("nginx:1.27.2");
                Queue(scope, 3);
            }

            private static void Queue(IStackScope scope, int replicas)
            {
                var queue = scope.Service("rabbitmq").Image("rabbitmq:3.13.7-management");
                queue.Replicas(replicas);
            }
        }
        """,
        outermost: "Messaging(stack)",
        inner: ["Queue(scope, 3)", "queue.Replicas(replicas)"],
        helpers: ["Messaging", "Queue"]);

    [Fact]
    public void ThreeHelperLevels_ThroughAnExtensionMethod_FindingAtTheOutermostCall() => AssertAtCaller(
        Usings + """
        internal static class Conventions
        {
            public static IServiceBuilder Replicated(this IServiceBuilder service, int replicas) =>
                service.Label("project", "co.iklim").Replicas(replicas);
        }

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2.5-alpine").Replicated(1);
                Messaging(stack);
            }

            private static void Messaging(IStackScope scope) => Queue(scope);

            private static void Queue(IStackScope scope)
            {
                foreach (var name in new[] { "rabbitmq" })
                {
                    scope.Service(name).Image("rabbitmq:3.13.7-management").Replicated(3);
                }
            }
        }
        """,
        outermost: "Messaging(stack)",
        inner: ["Queue(scope)", ".Replicated(3)", ".Replicas(replicas)"],
        helpers: ["Messaging", "Queue", "Replicated"]);

    [Fact]
    public void HelperSharedByManyServices_SquigglesOnlyTheServiceWithTheProblem() => AssertAtCaller(
        Usings + """
        internal static class Conventions
        {
            public static IServiceBuilder Standard(this IServiceBuilder service, int replicas) =>
                service.Network("iklimco-net").Replicas(replicas);
        }

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Network("iklimco-net");
                stack.Service("api").Image("nginx:1.27.2").Standard(3);
                stack.Service("web").Image("nginx:1.27.2").Standard(2);
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Standard(3);
                stack.Service("jobs").Image("nginx:1.27.2").Standard(3);
            }
        }
        """,
        outermost: "Image(\"rabbitmq:3.13.7-management\").Standard(3)",
        inner: [".Replicas(replicas)"],
        helpers: ["Standard"],
        outermostName: "Standard");

    [Fact]
    public Task FixThroughAHelper_AddsMaxReplicasPerNodeAfterTheHelperCall() => FixVerify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        internal static class Conventions
        {
            public static IServiceBuilder Standard(this IServiceBuilder service, int replicas) => service.Replicas(replicas);
        }

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").{|IKS0101:Standard(3)|};
            }
        }
        """,
        """
        using Iklim.StackSdk;

        internal static class Conventions
        {
            public static IServiceBuilder Standard(this IServiceBuilder service, int replicas) => service.Replicas(replicas);
        }

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13.7-management").Standard(3).MaxReplicasPerNode(1);
            }
        }
        """,
        Iklim.StackSdk.CodeFixes.Fixes.StatefulWithoutMaxReplicasPerNodeFixer.AddMaxReplicasPerNodeKey);

    /// <summary>
    /// One IKS0101 for rabbitmq: its span on <paramref name="outermostName"/> (the helper's name, by default the first
    /// identifier of <paramref name="outermost"/>) inside the call in Configure; each of <paramref name="inner"/> on the
    /// line of an additional location; each of <paramref name="helpers"/> named in the message.
    /// </summary>
    private static void AssertAtCaller(string source, string outermost, string[] inner, string[] helpers, string? outermostName = null)
    {
        var compilation = StackCompilation.Create(source);
        Assert.True(compilation.Errors.Count == 0, "the test's own source does not compile:\n" + string.Join("\n", compilation.Errors));
        var diagnostics = compilation.Analyze().Where(d => d.Id.StartsWith("IKS", StringComparison.Ordinal)).ToList();
        var report = string.Join("\n", diagnostics.Select(Describe));
        Assert.DoesNotContain(diagnostics, d => d.Id == "IKS0001");
        var finding = Assert.Single(diagnostics, d => d.Id == "IKS0101");

        var call = IndexOfOnce(source, outermost);
        var name = outermostName ?? new string(outermost.TakeWhile(char.IsLetterOrDigit).ToArray());
        var nameAt = source.IndexOf(name, call, StringComparison.Ordinal);
        var span = finding.Location.SourceSpan;
        Assert.True(
            span.Start <= nameAt && nameAt < span.End && span.End <= call + outermost.Length + 1,
            $"IKS0101 should cover '{name}' of '{outermost}' (chars {nameAt}..{call + outermost.Length}); got {Describe(finding)}");

        var additionalLines = finding.AdditionalLocations.Select(l => l.GetLineSpan().StartLinePosition.Line).ToHashSet();
        foreach (var text in inner)
        {
            var line = LineOf(source, IndexOfOnce(source, text));
            Assert.True(additionalLines.Contains(line), $"no additional location on line {line + 1} ('{text}'); got {Describe(finding)}\nall: {report}");
        }

        var message = finding.GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("service 'rabbitmq' runs 3 replicas in the base stack and is stateful", message, StringComparison.Ordinal);
        foreach (var helper in helpers)
        {
            Assert.True(message.Contains(helper, StringComparison.Ordinal), $"the message does not name the helper '{helper}' on the call chain: {message}");
        }
    }

    private static int IndexOfOnce(string source, string text)
    {
        var at = source.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0 && source.IndexOf(text, at + 1, StringComparison.Ordinal) < 0, $"'{text}' must occur exactly once in the test source");
        return at;
    }

    private static int LineOf(string source, int position) => source[..position].Count(c => c == '\n');

    private static string Describe(Diagnostic d) =>
        $"{d.Id} at line {d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Location.SourceSpan} '{d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan)}', additional lines [{string.Join(", ", d.AdditionalLocations.Select(l => l.GetLineSpan().StartLinePosition.Line + 1))}]: {d.GetMessage(CultureInfo.InvariantCulture)}";
}
