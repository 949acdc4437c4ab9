using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>IKS0002: values the SDK's builders reject, reported at the argument.</summary>
public sealed class InvalidValueAnalyzerTests
{
    [Fact]
    public Task NegativeReplicas_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Replicas({|#0:-1|}).Image("redis:7.2.5");
            }
        }
        """,
        Verify.Diagnostic("IKS0002").WithLocation(0).WithMessage("Replicas must be at least 0, not -1."));

    [Fact]
    public Task GenericResourceOfNothing_TriggersAtTheValue() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("trainer").Image("busybox:1.36.1").GenericResource({|IKS0002:"my gpu"|}, 1).GenericResource("gpu", {|IKS0002:0|});
            }
        }
        """);

    [Fact]
    public Task DriverOnAConfigOrBesideAFile_TriggersAtTheValue() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Config("app_conf").Driver({|IKS0002:"vault-secrets"|});
                stack.Secret("api_key").Driver("vault-secrets").DriverOption("path", "secret/data/api");
                stack.Secret("db_password").DriverOption({|IKS0002:"path"|}, "secret/data/db");
            }
        }
        """);

    [Fact]
    public Task BadImage_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image({|IKS0002:"Redis:Latest!"|});
            }
        }
        """);

    [Fact]
    public Task BadConstraint_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Constraint({|IKS0002:"node.colour = blue"|});
            }
        }
        """);

    [Fact]
    public Task BadDurationInNamedArgument_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").UpdateConfig(parallelism: 1, delay: {|IKS0002:"ten seconds"|});
            }
        }
        """);

    [Fact]
    public Task BadServiceNameInProfile_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Profile("prod", prod => prod.Service({|IKS0002:"my service"|}).Replicas(2));
            }
        }
        """);

    [Fact]
    public Task BadEnvVarName_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Environment("DATA", Env.Var({|IKS0002:"1DATA"|}));
            }
        }
        """);

    [Fact]
    public Task BadStackName_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack({|IKS0002:"iklim co"|})]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis");
            }
        }
        """);

    [Fact]
    public Task BadValueInsideForEach_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                var redis = stack.Service("redis");
                foreach (var replicas in new[] { 1, -2 })
                {
                    redis.Replicas({|IKS0002:replicas|});
                }
            }
        }
        """);

    [Fact]
    public Task NullArgument_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Image({|#0:null!|});
            }
        }
        """,
        Verify.Diagnostic("IKS0002").WithLocation(0).WithMessage("'image' cannot be null."));

    [Fact]
    public Task BadParamsElement_Triggers() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis").Command({|IKS0002:"redis-server", null!|});
            }
        }
        """);

    [Fact]
    public Task ValidValues_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("redis")
                    .Image("registry.iklim.co/redis:7.2.5-alpine")
                    .Replicas(0)
                    .Constraint("node.labels.type == service")
                    .StopGracePeriod("1m30s")
                    .RestartPolicy(RestartCondition.OnFailure, delay: "5s", maxAttempts: 3)
                    .Limits(cpus: "0.5", memory: "512M")
                    .Healthcheck(["CMD", "redis-cli", "ping"], interval: "10s");
            }
        }
        """);

    [Fact]
    public Task NegativeTmpfsSize_AndRelativeTmpfsTarget_Trigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("app").Image("nginx:1.27.2-alpine").Tmpfs("/tmp", size: {|#0:-1|});
                stack.Service("web").Image("nginx:1.27.2-alpine").Tmpfs({|IKS0002:"tmp"|});
                stack.Service("api").Image("nginx:1.27.2-alpine").Bind("/srv", "/srv", propagation: {|IKS0002:(BindPropagation)42|});
            }
        }
        """,
        Verify.Diagnostic("IKS0002").WithLocation(0).WithMessage("A tmpfs size is a number of bytes, at least 1 (got -1); leave it out for no limit."));

    [Fact]
    public Task ClusterMountsThatDockerRefusesAtDeploy_TriggerAtTheArgument() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Volume("pgdata");
                stack.Service("app").Image("nginx:1.27.2-alpine").ClusterVolume({|IKS0002:""|}, "/data");
                stack.Service("web").Image("nginx:1.27.2-alpine").ClusterVolume({|IKS0002:"/srv/pg"|}, "/data");
                stack.Service("api").Image("nginx:1.27.2-alpine").ClusterVolume("pgdata", {|IKS0002:"data"|});
                stack.Service("db").Image("nginx:1.27.2-alpine").ClusterVolumeGroup({|IKS0002:""|}, "/data");
                stack.Service("q").Image("nginx:1.27.2-alpine").ClusterVolumeGroup({|#0:"group:pg"|}, "/data");
                stack.Service("ok").Image("nginx:1.27.2-alpine").ClusterVolume("pgdata", "/data").ClusterVolumeGroup("pg", "/group", readOnly: true);
                stack.Service("undeclared").Image("nginx:1.27.2-alpine").{|IKS0003:ClusterVolume("nope", "/data")|};
            }
        }
        """,
        Verify.Diagnostic("IKS0002").WithLocation(0).WithMessage("'group:pg': give the group's name alone; ClusterVolumeGroup writes the 'group:' prefix."));

    [Fact]
    public Task NamedPipesThatDockerRefuses_TriggerAtTheArgument() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("app").Image("nginx:1.27.2-alpine").NamedPipe({|IKS0002:""|}, @"\\.\pipe\docker_engine");
                stack.Service("web").Image("nginx:1.27.2-alpine").NamedPipe(@"\\.\pipe\docker_engine", {|IKS0002:""|});
                stack.Service("api").Image("nginx:1.27.2-alpine").NamedPipe({|#0:"/var/run/docker.sock"|}, @"\\.\pipe\docker_engine");
                stack.Service("ok").Image("nginx:1.27.2-alpine").NamedPipe(@"\\.\pipe\docker_engine", "//./pipe/docker_engine");
            }
        }
        """,
        Verify.Diagnostic("IKS0002").WithLocation(0).WithMessage(@"The pipe '/var/run/docker.sock' is not a named pipe: write it \\.\pipe\<name> (or //./pipe/<name>)."));
}
