using Iklim.StackSdk;

namespace TinyStack;

/// <summary>One external network, one web service, and a prod profile that scales it.</summary>
[Stack("tiny", BaseFile = "docker-stack-tiny.yml")]
public sealed class TinyStack : IStackDefinition
{
    /// <inheritdoc />
    public void Configure(IStackBuilder stack)
    {
        stack.Network("net").External();
        stack.Service("web").Image("nginx:1.27.2-alpine").Network("net").Replicas(2);
        stack.Profile("prod", prod => prod.Service("web").Replicas(3));
    }
}
