using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>
/// <c>isolation</c> and <c>credential_spec</c> while typing: what Docker refuses is IKS0002 at the argument, an undeclared
/// credential spec config IKS0003 at the call, and a profile naming another credential source than its base IKS0004 at
/// the profile's call.
/// </summary>
public sealed class WindowsKeysAnalyzerTests
{
    [Fact]
    public Task BadCredentialSources_TriggerAtTheArgument() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Config("gmsa").External();
                stack.Service("web").Image("busybox:1.36.1").CredentialSpecConfig("gmsa").CredentialSpecFile({|IKS0002:"web.json"|});
                stack.Service("api").Image("busybox:1.36.1").CredentialSpecFile({|IKS0002:"C:\\ProgramData\\docker\\CredentialSpecs\\api.json"|});
                stack.Service("job").Image("busybox:1.36.1").CredentialSpecRegistry({|IKS0002:""|});
                stack.Service("cron").Image("busybox:1.36.1").CredentialSpecConfig({|IKS0002:"not a name"|});
            }
        }
        """);

    [Fact]
    public Task AnUndeclaredCredentialSpecConfig_TriggersAtTheCall() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("web").Image("busybox:1.36.1").Isolation(Isolation.HyperV).{|IKS0003:CredentialSpecConfig("gmsa")|};
            }
        }
        """);

    [Fact]
    public Task AnotherCredentialSourceInAProfile_TriggersAtTheProfilesCall() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Config("gmsa").External();
                stack.Service("web").Image("busybox:1.36.1").CredentialSpecConfig("gmsa");
                stack.Service("api").Image("busybox:1.36.1").CredentialSpecFile("a.json").Isolation(Isolation.Process);
                stack.Profile("prod", prod =>
                {
                    prod.Service("web").{|IKS0004:CredentialSpecRegistry("web01")|};
                    prod.Service("api").CredentialSpecFile("prod/a.json").Isolation(Isolation.HyperV);
                });
            }
        }
        """);

    [Fact]
    public Task AWindowsOnlySettingPlacedOnLinux_IsIks0118AtTheSetting() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("web").Image("busybox:1.36.1").{|IKS0118:CredentialSpecFile("web.json")|}.Constraint("node.platform.os == linux");
                stack.Service("api").Image("busybox:1.36.1").Constraint("node.platform.os != windows").{|IKS0118:Isolation(Isolation.HyperV)|};
                stack.Service("ok").Image("busybox:1.36.1").CredentialSpecFile("ok.json").Constraint("node.platform.os == windows");
                stack.Service("plain").Image("busybox:1.36.1").Isolation(Isolation.Default).Constraint("node.platform.os == linux");
                stack.Service("job").Image("busybox:1.36.1").Isolation(Isolation.Process);
                stack.Profile("prod", prod => prod.Service("job").{|IKS0118:Constraint("node.platform.os == Linux")|});
            }
        }
        """);

    [Fact]
    public Task ANamedPipePlacedOnLinux_IsIks0118AtTheMount() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("agent").Image("busybox:1.36.1").{|IKS0118:NamedPipe(@"\\.\pipe\docker_engine", @"\\.\pipe\docker_engine")|}.Constraint("node.platform.os == linux");
                stack.Service("ok").Image("busybox:1.36.1").NamedPipe(@"\\.\pipe\docker_engine", @"\\.\pipe\docker_engine").Constraint("node.platform.os == windows");
                stack.Service("unplaced").Image("busybox:1.36.1").NamedPipe(@"\\.\pipe\docker_engine", @"\\.\pipe\docker_engine");
            }
        }
        """);
}
