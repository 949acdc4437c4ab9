using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Iklim.StackSdk.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer, Iklim.StackSdk.CodeFixes.Fixes.StatefulWithoutMaxReplicasPerNodeFixer>;

namespace Iklim.StackSdk.Analyzers.Tests.Fixes;

/// <summary>IKS0101 fix: .MaxReplicasPerNode(1) right after the flagged call.</summary>
public sealed class StatefulWithoutMaxReplicasPerNodeFixerTests
{
    [Fact]
    public Task ReplicasSetInsideAHelper_GetsLimitAfterTheHelperCall()
    {
        var test = new CSharpCodeFixTest<StackDefinitionAnalyzer, StatefulWithoutMaxReplicasPerNodeFixer, DefaultVerifier>
        {
            TestCode = """
                using Iklim.StackSdk;

                public static class Conventions
                {
                    public static IServiceBuilder Store(this IStackScope stack, string name) =>
                        stack.Service(name).Image("redis:7.2").Stateful().{|#1:Replicas(3)|};
                }

                [Stack("iklimco")]
                public sealed class InfraStack : IStackDefinition
                {
                    public void Configure(IStackBuilder stack)
                    {
                        stack.{|#0:Store("cache")|}.Label("tier", "cache");
                    }
                }
                """,
            FixedCode = """
                using Iklim.StackSdk;

                public static class Conventions
                {
                    public static IServiceBuilder Store(this IStackScope stack, string name) =>
                        stack.Service(name).Image("redis:7.2").Stateful().Replicas(3);
                }

                [Stack("iklimco")]
                public sealed class InfraStack : IStackDefinition
                {
                    public void Configure(IStackBuilder stack)
                    {
                        stack.Store("cache").MaxReplicasPerNode(1).Label("tier", "cache");
                    }
                }
                """,
            CodeActionEquivalenceKey = StatefulWithoutMaxReplicasPerNodeFixer.AddMaxReplicasPerNodeKey,
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("IKS0101", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1));
        return test.RunAsync();
    }

    [Fact]
    public Task ReplicasInChain_GetsLimitRightAfter() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13-management").{|IKS0101:Replicas(3)|}.Label("project", "co.iklim");
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13-management").Replicas(3).MaxReplicasPerNode(1).Label("project", "co.iklim");
            }
        }
        """,
        StatefulWithoutMaxReplicasPerNodeFixer.AddMaxReplicasPerNodeKey);

    [Fact]
    public Task ReplicasInProfileLambda_GetsLimitInProfile() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2-alpine").Replicas(1);
                stack.Profile("prod", prod => prod.Service("redis").{|IKS0101:Replicas(3)|});
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image("redis:7.2-alpine").Replicas(1);
                stack.Profile("prod", prod => prod.Service("redis").Replicas(3).MaxReplicasPerNode(1));
            }
        }
        """,
        StatefulWithoutMaxReplicasPerNodeFixer.AddMaxReplicasPerNodeKey);

    [Fact]
    public Task MultiLineChainAndBuilderVariable_KeepLayout() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Volume("etcd-vl");
                var etcd = stack.Service("etcd")
                    .Image("quay.io/coreos/etcd:v3.5.17")
                    .Volume("etcd-vl", "/etcd-data");
                etcd.{|IKS0101:Replicas(3)|};
                stack.Service("vault")
                    .Image("hashicorp/vault:1.17.6")
                    .{|IKS0101:Replicas(3)|}
                    .Label("project", "co.iklim");
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Volume("etcd-vl");
                var etcd = stack.Service("etcd")
                    .Image("quay.io/coreos/etcd:v3.5.17")
                    .Volume("etcd-vl", "/etcd-data");
                etcd.Replicas(3).MaxReplicasPerNode(1);
                stack.Service("vault")
                    .Image("hashicorp/vault:1.17.6")
                    .Replicas(3).MaxReplicasPerNode(1)
                    .Label("project", "co.iklim");
            }
        }
        """,
        StatefulWithoutMaxReplicasPerNodeFixer.AddMaxReplicasPerNodeKey);

    [Fact]
    public Task FlaggedAtStateful_GetsLimitAfterStateful() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("iklim/api:1.0").Replicas(2);
                stack.Profile("prod", prod => prod.Service("api").{|IKS0101:Stateful()|});
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("api").Image("iklim/api:1.0").Replicas(2);
                stack.Profile("prod", prod => prod.Service("api").Stateful().MaxReplicasPerNode(1));
            }
        }
        """,
        StatefulWithoutMaxReplicasPerNodeFixer.AddMaxReplicasPerNodeKey);

    [Fact]
    public Task FixAll_FixesEveryServiceInTheDocument() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13-management").{|IKS0101:Replicas(3)|};
                stack.Service("redis").Image("redis:7.2-alpine").{|IKS0101:Replicas(2)|};
                stack.Service("web").Image("nginx:1.27-alpine").Replicas(3);
                stack.Profile("prod", prod =>
                {
                    prod.Service("web").{|IKS0101:Stateful()|};
                    prod.Service("mongo").Image("mongo:7.0.14").{|IKS0101:Replicas(3)|};
                });
            }
        }
        """,
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13-management").Replicas(3).MaxReplicasPerNode(1);
                stack.Service("redis").Image("redis:7.2-alpine").Replicas(2).MaxReplicasPerNode(1);
                stack.Service("web").Image("nginx:1.27-alpine").Replicas(3);
                stack.Profile("prod", prod =>
                {
                    prod.Service("web").Stateful().MaxReplicasPerNode(1);
                    prod.Service("mongo").Image("mongo:7.0.14").Replicas(3).MaxReplicasPerNode(1);
                });
            }
        }
        """,
        StatefulWithoutMaxReplicasPerNodeFixer.AddMaxReplicasPerNodeKey);
}
