using Iklim.StackSdk.CodeFixes.Fixes;
using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.CodeFixVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer, Iklim.StackSdk.CodeFixes.Fixes.DuplicatePinnedSingletonFixer>;

namespace Iklim.StackSdk.Analyzers.Tests.Fixes;

/// <summary>IKS0103 fixes: run one task, or remove the conflicting pin.</summary>
public sealed class DuplicatePinnedSingletonFixerTests
{
    [Fact]
    public Task RunOneTask_ReplicasBecomesOne() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").{|IKS0103:Replicas(2)|};
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
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
            }
        }
        """,
        DuplicatePinnedSingletonFixer.RunOneTaskKey);

    [Fact]
    public Task RunOneTask_GlobalBecomesOneReplica() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("cert-reloader").Image("docker:27.3.1-cli").Singleton().{|IKS0103:Global()|};
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
                stack.Service("cert-reloader").Image("docker:27.3.1-cli").Singleton().Replicas(1);
            }
        }
        """,
        DuplicatePinnedSingletonFixer.RunOneTaskKey);

    [Fact]
    public Task RunOneTask_ProfileReplicasBecomesOne() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("cert-reloader").Image("docker:27.3.1-cli").Singleton().Replicas(1);
                stack.Profile("prod", prod => prod.Service("cert-reloader").{|IKS0103:Replicas(3)|});
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
                stack.Service("cert-reloader").Image("docker:27.3.1-cli").Singleton().Replicas(1);
                stack.Profile("prod", prod => prod.Service("cert-reloader").Replicas(1));
            }
        }
        """,
        DuplicatePinnedSingletonFixer.RunOneTaskKey);

    [Fact]
    public Task RunOneTask_NotOfferedForAPin()
    {
        const string Source = """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Profile("prod", prod => prod.Service("swag").{|IKS0103:PinToNode("iklim-app-02")|});
            }
        }
        """;
        return Verify.VerifyCodeFixAsync(Source, Source, DuplicatePinnedSingletonFixer.RunOneTaskKey);
    }

    [Fact]
    public Task RemovePin_ProfilePinToNodeLeavesTheChain() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Profile("prod", prod => prod.Service("swag").{|IKS0103:PinToNode("iklim-app-02")|}.Label("tier", "edge"));
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
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Profile("prod", prod => prod.Service("swag").Label("tier", "edge"));
            }
        }
        """,
        DuplicatePinnedSingletonFixer.RemovePinKey);

    [Fact]
    public Task RemovePin_HostnameConstraintInMultiLineChain() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Profile("prod", prod =>
                {
                    prod.Service("swag")
                        .Environment("TZ", "Europe/Istanbul")
                        .{|IKS0103:Constraint("node.hostname == iklim-app-02")|}
                        .Label("tier", "edge");
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
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Profile("prod", prod =>
                {
                    prod.Service("swag")
                        .Environment("TZ", "Europe/Istanbul")
                        .Label("tier", "edge");
                });
            }
        }
        """,
        DuplicatePinnedSingletonFixer.RemovePinKey);

    [Fact]
    public Task RemovePin_StatementOnBuilderVariableIsRemoved() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Profile("prod", prod =>
                {
                    var swag = prod.Service("swag");
                    swag.Environment("TZ", "Europe/Istanbul");
                    swag.{|IKS0103:PinToNode("iklim-app-02")|};
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
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Profile("prod", prod =>
                {
                    var swag = prod.Service("swag");
                    swag.Environment("TZ", "Europe/Istanbul");
                });
            }
        }
        """,
        DuplicatePinnedSingletonFixer.RemovePinKey);

    [Fact]
    public Task RemovePin_NotOfferedForReplicas()
    {
        const string Source = """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").{|IKS0103:Replicas(2)|};
            }
        }
        """;
        return Verify.VerifyCodeFixAsync(Source, Source, DuplicatePinnedSingletonFixer.RemovePinKey);
    }

    [Fact]
    public Task FixAll_RunOneTaskFixesEveryReplicatedSingleton() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").{|IKS0103:Replicas(2)|};
                stack.Service("cron").Image("alpine:3.20.3").Singleton().{|IKS0103:Global()|};
                stack.Profile("prod", prod => prod.Service("swag").{|IKS0103:Replicas(3)|});
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
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Service("cron").Image("alpine:3.20.3").Singleton().Replicas(1);
                stack.Profile("prod", prod => prod.Service("swag").Replicas(1));
            }
        }
        """,
        DuplicatePinnedSingletonFixer.RunOneTaskKey);

    [Fact]
    public Task FixAll_RemovePinFixesEveryConflictingPin() => Verify.VerifyCodeFixAsync(
        """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Service("cron").Image("alpine:3.20.3").Constraint("node.hostname == iklim-app-01");
                stack.Profile("prod", prod =>
                {
                    prod.Service("swag").{|IKS0103:PinToNode("iklim-app-02")|}.Label("tier", "edge");
                    prod.Service("cron").{|IKS0103:PinToNode("iklim-app-03")|}.Label("tier", "jobs");
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
                stack.Service("swag").Image("lscr.io/linuxserver/swag:3.1.0").PinToNode("iklim-app-01").Replicas(1);
                stack.Service("cron").Image("alpine:3.20.3").Constraint("node.hostname == iklim-app-01");
                stack.Profile("prod", prod =>
                {
                    prod.Service("swag").Label("tier", "edge");
                    prod.Service("cron").Label("tier", "jobs");
                });
            }
        }
        """,
        DuplicatePinnedSingletonFixer.RemovePinKey);
}
