using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0001: code the build cannot evaluate at compile time.</summary>
public sealed class NotEvaluableAnalyzerTests
{
    [Fact]
    public Task CallToUserMethod_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image({|IKS0001:ImageOf("redis")|}).Replicas(1);
            }

            private static string ImageOf(string name) => name + ":7.2.5";
        }
        """);

    [Fact]
    public Task NonConstantLocal_Triggers() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var tag = {|IKS0001:DateTime.Now.ToString("yyyy")|};
                stack.Service("redis").Image("redis:" + tag);
            }
        }
        """);

    [Fact]
    public Task ReassignedLocal_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var replicas = 1;
                {|IKS0001:replicas = 2|};
                stack.Service("redis").Replicas({|IKS0001:replicas|});
            }
        }
        """);

    [Fact]
    public Task ForLoop_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                {|IKS0001:for|} (var i = 0; i < 3; i++)
                {
                    stack.Service("redis").Replicas(i);
                }
            }
        }
        """);

    [Fact]
    public Task FieldAndProperty_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            private static readonly string Image = "redis:7.2.5";

            private int Replicas { get; } = 2;

            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image({|IKS0001:Image|}).Replicas({|IKS0001:Replicas|});
            }
        }
        """);

    [Fact]
    public Task IfOnNonConstant_Triggers() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                if ({|IKS0001:Environment.ProcessorCount > 4|})
                {
                    stack.Service("redis").Replicas(3);
                }
            }
        }
        """);

    [Fact]
    public Task ProfileFromMethodGroup_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Profile("prod", {|IKS0001:Prod|});
            }

            private static void Prod(IProfileBuilder prod) => prod.Service("redis").Replicas(2);
        }
        """);

    [Fact]
    public Task ForEachOverList_Triggers() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var names = {|IKS0001:new List<string> { "a", "b" }|};
                foreach (var name in names)
                {
                    stack.Service(name);
                }
            }
        }
        """);

    [Fact]
    public Task RunawayForEach_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var redis = stack.Service("redis");
                foreach (var replicas in new int[200000])
                {
                    {|IKS0001:redis|}.Replicas(replicas);
                }
            }
        }
        """);

    [Fact]
    public Task ConditionalAccessAndSwitch_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var name = "redis";
                {|IKS0001:stack?.Service(name)|};
                {|IKS0001:switch|} (name)
                {
                    case "redis":
                        stack.Service(name);
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
                redis.Replicas(Three - 2).Image($"redis:{7}.2.5");
                if (true)
                {
                    redis.Label("tier", "cache");
                }

                foreach (var worker in workers)
                {
                    var service = stack.Service($"{prefix}-{worker}");
                    service.Image(prefix + "/" + worker + ":1.0.0").Port(8000 + 1, 80, PortProtocol.Udp, PortMode.Host).Constraint($"node.labels.worker == {worker}");
                }

                stack.Profile("prod", prod => prod.Service("redis").Replicas(Three).MaxReplicasPerNode(1));
                _ = stack.Service("discarded").Image(true ? prefix + ":1.0.0" : workers[0]);
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
            public void Configure(IStackBuilder stack) => stack.Service("redis").Image("redis:7.2.5").Replicas(1);
        }
        """);
}
