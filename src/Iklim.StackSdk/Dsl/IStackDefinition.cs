using System;

namespace Iklim.StackSdk;

/// <summary>
/// A stack written in C#. The generator evaluates <see cref="Configure"/> at compile time; tests and tools can run it.
/// </summary>
/// <example><code>
/// [Stack("iklimco", BaseFile = "docker-stack-infra.yml")]
/// public sealed class InfraStack : IStackDefinition
/// {
///     public void Configure(IStackBuilder stack) => stack.Service("redis").Image("redis:7.2-alpine");
/// }
/// </code></example>
public interface IStackDefinition
{
    /// <summary>Declares the stack's services, resources, nodes and profiles.</summary>
    void Configure(IStackBuilder stack);
}

/// <summary>Marks a class whose <see cref="IStackDefinition.Configure"/> becomes deploy artefacts on build.</summary>
/// <example><code>[Stack("iklimco", BaseFile = "docker-stack-infra.yml")]</code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class StackAttribute : Attribute
{
    /// <summary>Creates the attribute for the stack called <paramref name="name"/> (the name given to <c>docker stack deploy</c>).</summary>
    public StackAttribute(string name) => Name = name;

    /// <summary>The stack's name.</summary>
    public string Name { get; }

    /// <summary>The base file name; overlays are named after it (<c>docker-stack.prod.yml</c>). Defaults to <c>docker-stack.yml</c>.</summary>
    public string BaseFile { get; set; } = "docker-stack.yml";
}
