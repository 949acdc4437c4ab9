using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0001: code the build cannot evaluate at compile time.</summary>
public sealed class NotEvaluableTests
{
    [Fact]
    public Task CallToUserMethod_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image(ImageOf("redis")).Replicas(1);
            }

            private static string ImageOf(string name) => name + ":7.2";
        }
        """);

    [Fact]
    public Task Clock_Triggers() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var tag = {|#0:DateTime.Now|}.ToString("yyyy");
                stack.Service("redis").Image("redis:" + tag);
            }
        }
        """,
        Verify.Diagnostic("IKS0001").WithLocation(0).WithMessage(
            "'DateTime.Now' cannot be evaluated at compile time: DateTime.Now reads the clock, which no build can know: the artefacts must be the same on every build and machine. Pass the value in as a constant, or use Env.Var(...) so Docker reads it at deploy time."));

    [Fact]
    public Task CultureSensitiveToLower_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("Redis".{|#0:ToLower()|}).Image("redis:7.2");
            }
        }
        """,
        Verify.Diagnostic("IKS0001").WithLocation(0).WithMessage(
            "'\"Redis\".ToLower()' cannot be evaluated at compile time: String.ToLower changes case with the machine's culture ('I'.ToLower() is 'ı' under tr-TR); use ToLowerInvariant()."));

    [Fact]
    public Task ReassignedLocal_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var replicas = 1;
                replicas = 2;
                replicas += 1;
                stack.Service("redis").Replicas(replicas);
            }
        }
        """);

    [Fact]
    public Task ForLoop_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                for (var i = 0; i < 3; i++)
                {
                    stack.Service("redis-" + i).Replicas(i);
                }
            }
        }
        """);

    [Fact]
    public Task FieldAndProperty_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            private static readonly string Image = "redis:7.2";

            private int Replicas { get; } = 2;

            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image(Image).Replicas(Replicas).MaxReplicasPerNode(1);
            }
        }
        """);

    [Fact]
    public Task IfOnEnvironment_Triggers() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                if ({|IKS0001:Environment.ProcessorCount|} > 4)
                {
                    stack.Service("redis").Replicas(3);
                }
            }
        }
        """);

    [Fact]
    public Task ProfileFromMethodGroup_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Profile("prod", Prod);
            }

            private static void Prod(IProfileBuilder prod) => prod.Service("redis").Replicas(1);
        }
        """);

    [Fact]
    public Task ForEachOverList_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var names = new List<string> { "a", "b" };
                foreach (var name in names)
                {
                    stack.Service(name);
                }
            }
        }
        """);

    [Fact]
    public Task ConditionalAccessAndSwitch_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var name = "redis";
                stack?.Service(name);
                switch (name)
                {
                    case "redis":
                        stack.Service(name).Image("redis:7.2");
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task PartialConfigure_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed partial class InfraStack : IStackDefinition
        {
            public partial void Configure(IStackBuilder stack);
        }

        public sealed partial class InfraStack
        {
            public partial void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Replicas({|IKS0001:System.Environment.ProcessorCount|});
            }
        }
        """);

    [Fact]
    public Task EvaluableConstructs_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            private const int Three = 3;

            public void Configure(IStackBuilder stack)
            {
                const string prefix = "iklim";
                string[] workers = ["mail", "sms"];
                var redis = stack.Service("redis");
                redis.Replicas(Three - 2).Image($"redis:{7}.2");
                if (true)
                {
                    redis.Label("tier", "cache");
                }

                foreach (var worker in workers)
                {
                    var service = stack.Service($"{prefix}-{worker}");
                    service.Image(prefix + "/" + worker + ":1.0").Port(8000 + 1, 80, PortProtocol.Udp);
                }

                stack.Profile("prod", prod => prod.Service("redis").Replicas(Three).MaxReplicasPerNode(1));
                _ = stack.Service("discarded").Image(true ? prefix + ":1.0" : workers[0]);
                stack.Service("named").Environment(nameof(Three), $"{'c'}{(Three > 2 ? "many" : "few")}");
            }
        }
        """);

    [Fact]
    public Task CultureDependentFormatting_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var cpus = 0.5;
                stack.Service("redis").Limits(cpus: $"{{|IKS0001:cpus|}}");
            }
        }
        """);

    [Fact]
    public Task ExpressionBodiedConfigure_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack) => stack.Service("redis").Image("redis:7.2").Replicas(1);
        }
        """);
}
