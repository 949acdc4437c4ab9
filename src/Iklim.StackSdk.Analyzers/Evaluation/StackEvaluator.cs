using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Iklim.StackSdk.Building;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// Evaluates the <c>Configure(IStackBuilder)</c> method of a <c>[Stack]</c> class without running user code, and
/// yields the model that running it would build. Shared by the analyzer (diagnostics) and the generator (artefacts).
/// Never throws, except <see cref="OperationCanceledException"/> when cancelled.
/// </summary>
public static class StackEvaluator
{
    /// <summary>The metadata name of <c>[Stack]</c>.</summary>
    public const string StackAttributeMetadataName = "Iklim.StackSdk.StackAttribute";

    /// <summary>The metadata name of the builder interface <c>Configure</c> receives.</summary>
    public const string StackBuilderMetadataName = "Iklim.StackSdk.IStackBuilder";

    private const string DefaultBaseFile = "docker-stack.yml";

    /// <summary>The <c>[Stack]</c> attribute of <paramref name="stackClass"/>, or null.</summary>
    public static AttributeData? FindStackAttribute(INamedTypeSymbol stackClass) =>
        stackClass.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StackAttributeMetadataName);

    /// <summary>The method implementing <c>IStackDefinition.Configure(IStackBuilder)</c> declared in <paramref name="stackClass"/>, or null.</summary>
    public static IMethodSymbol? FindConfigure(INamedTypeSymbol stackClass) =>
        stackClass.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(m =>
            m.Parameters.Length == 1
            && m.ReturnsVoid
            && !m.IsStatic
            && m.Parameters[0].Type.ToDisplayString() == StackBuilderMetadataName
            && (m.Name == "Configure" || m.ExplicitInterfaceImplementations.Any(i => i.Name == "Configure")));

    /// <summary>Evaluates <paramref name="stackClass"/>; the compilation is the one <paramref name="semanticModelFor"/> binds in.</summary>
    public static StackEvaluation Evaluate(INamedTypeSymbol stackClass, Func<SyntaxTree, SemanticModel> semanticModelFor, CancellationToken cancellationToken)
    {
        var tree = stackClass.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree;
        var compilation = tree is null ? null : semanticModelFor(tree).Compilation;
        return compilation is null
            ? Evaluate(stackClass, (IOperation?)null, cancellationToken)
            : Evaluate(stackClass, compilation, semanticModelFor, cancellationToken);
    }

    /// <summary>Evaluates <paramref name="stackClass"/>, binding <c>Configure</c> and every helper in <paramref name="compilation"/>.</summary>
    public static StackEvaluation Evaluate(INamedTypeSymbol stackClass, Compilation compilation, CancellationToken cancellationToken) =>
        Evaluate(stackClass, compilation, tree => SourceBodies.ModelFor(compilation, tree), cancellationToken);

    /// <summary>Evaluates <paramref name="stackClass"/> given its <c>Configure</c> body; other trees bind in the body's compilation.</summary>
    public static StackEvaluation Evaluate(INamedTypeSymbol stackClass, IOperation? configureBody, CancellationToken cancellationToken)
    {
        var compilation = configureBody?.SemanticModel?.Compilation;
        return Evaluate(stackClass, configureBody, compilation, tree => SourceBodies.ModelFor(compilation!, tree), cancellationToken);
    }

    /// <summary>
    /// Evaluates <paramref name="stackClass"/>, finding the body of <c>Configure</c> and of every helper it calls through
    /// <paramref name="semanticModelFor"/> (the generator passes its semantic model, or the compilation's for other trees).
    /// </summary>
    public static StackEvaluation Evaluate(INamedTypeSymbol stackClass, Compilation compilation, Func<SyntaxTree, SemanticModel> semanticModelFor, CancellationToken cancellationToken)
    {
        var configure = FindConfigure(stackClass);
        var implementation = configure?.PartialImplementationPart ?? configure;
        var syntax = implementation?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        var body = syntax is null ? null : semanticModelFor(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
        return Evaluate(stackClass, body, compilation, semanticModelFor, cancellationToken);
    }

    /// <summary>
    /// Evaluates <paramref name="stackClass"/> given the operation of its <c>Configure</c> method (an
    /// <see cref="IMethodBodyOperation"/> or the body block, as an analyzer's operation block action receives it).
    /// </summary>
    public static StackEvaluation Evaluate(INamedTypeSymbol stackClass, IOperation? configureBody, Compilation? compilation, Func<SyntaxTree, SemanticModel> semanticModelFor, CancellationToken cancellationToken)
    {
        var configure = FindConfigure(stackClass);
        var fallback = configure?.Locations.FirstOrDefault() ?? stackClass.Locations.FirstOrDefault() ?? Location.None;
        var attribute = FindStackAttribute(stackClass);
        var name = attribute?.ConstructorArguments.FirstOrDefault().Value as string ?? stackClass.Name;
        try
        {
            var sources = compilation is null ? null : new SourceBodies(compilation, semanticModelFor);
            return EvaluateCore(stackClass, attribute, name, configure, configureBody, sources, fallback, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostic = new EvaluationDiagnostic(
                RuleIdentifiers.NotEvaluable,
                $"The build could not evaluate this stack ({exception.GetType().Name}: {exception.Message}); please report this as an Iklim.StackSdk bug.",
                fallback);
            return new StackEvaluation(name, null, new[] { diagnostic }, hasCompilerErrors: false, fallback);
        }
    }

    private static StackEvaluation EvaluateCore(
        INamedTypeSymbol stackClass,
        AttributeData? attribute,
        string name,
        IMethodSymbol? configure,
        IOperation? configureBody,
        SourceBodies? sources,
        Location fallback,
        CancellationToken cancellationToken)
    {
        var diagnostics = new List<EvaluationDiagnostic>();
        var baseFile = attribute?.NamedArguments.FirstOrDefault(a => a.Key == "BaseFile").Value.Value as string ?? DefaultBaseFile;
        var tracker = new CallOriginTracker();
        var builder = CreateBuilder(attribute, name, baseFile, tracker, diagnostics, fallback);
        var body = configureBody switch
        {
            IMethodBodyOperation method => (IOperation?)method.BlockBody ?? method.ExpressionBody,
            _ => configureBody,
        };

        if (configure is null || body is null || sources is null)
        {
            var why = configure is null
                ? $"{stackClass.Name} has no Configure(IStackBuilder) method to evaluate; implement IStackDefinition."
                : "Configure has no body to evaluate.";
            diagnostics.Add(new EvaluationDiagnostic(RuleIdentifiers.NotEvaluable, why, fallback));
            return new StackEvaluation(name, null, diagnostics, hasCompilerErrors: false, fallback);
        }

        var interpreter = new OperationInterpreter(sources, tracker, cancellationToken);
        var instance = interpreter.EnterStackInstance(stackClass, fallback);
        var stack = builder ?? new StackBuilder("stack", DefaultBaseFile, tracker);
        interpreter.Bind(configure.Parameters[0], stack);
        if (configure.PartialImplementationPart is { } implementation)
        {
            interpreter.Bind(implementation.Parameters[0], stack);
        }

        if (instance is not Unknown)
        {
            interpreter.Run(body);
        }

        diagnostics.AddRange(interpreter.Diagnostics);

        tracker.Current = null;
        var result = builder?.Build();
        return new StackEvaluation(name, result, diagnostics, interpreter.SawInvalidCode, fallback, sources.ReadTrees);
    }

    private static StackBuilder? CreateBuilder(AttributeData? attribute, string name, string baseFile, CallOriginTracker tracker, List<EvaluationDiagnostic> diagnostics, Location fallback)
    {
        try
        {
            return new StackBuilder(name, baseFile, tracker);
        }
        catch (ArgumentException exception)
        {
            var syntax = attribute?.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
            var argument = exception.ParamName == "baseFile"
                ? syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "BaseFile")
                : syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null);
            var location = argument?.Expression.GetLocation() ?? syntax?.GetLocation() ?? fallback;
            diagnostics.Add(new EvaluationDiagnostic(RuleIdentifiers.InvalidValue, OperationInterpreter.MessageOf(exception), location));
            return null;
        }
    }
}
