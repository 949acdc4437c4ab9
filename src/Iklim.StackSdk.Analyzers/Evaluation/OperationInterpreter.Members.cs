using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>Calls, objects, fields and properties: the team's own code, records and statics, and the dispatch to SDK and BCL.</summary>
internal sealed partial class OperationInterpreter
{
    private readonly Dictionary<ISymbol, object?> _statics = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _initializedTypes = new(SymbolEqualityComparer.Default);

    private object? EvaluateInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (SdkMethods.IsSdkMethod(method))
        {
            return InvokeSdk(invocation);
        }

        object? receiver = null;
        if (!method.IsStatic && method.MethodKind != MethodKind.LocalFunction)
        {
            if (invocation.Instance is null)
            {
                throw InvalidCode();
            }

            receiver = Evaluate(invocation.Instance);
            if (receiver is Unknown)
            {
                return Unknown.Value;
            }
        }

        // Enum.ToString(): the member's name, whether the enum is the team's (no runtime type) or the SDK's.
        if (method.Name == "ToString" && method.Parameters.Length == 0 && receiver is EnumValue enumValue)
        {
            return enumValue.ToString();
        }

        if (InvariantInterpolation(invocation) is { } interpolation)
        {
            return EvaluateInvariantInterpolation(interpolation);
        }

        var arguments = EvaluateArguments(invocation.Arguments, method.Parameters.Length);
        if (arguments is null)
        {
            return FluentPassThrough(method, receiver, invocation);
        }

        var result = CallMethod(invocation, method, receiver, arguments);
        WriteBack(invocation.Arguments, arguments);
        return result;
    }

    /// <summary>The interpolated string of <c>string.Create(CultureInfo.InvariantCulture, $"...")</c> or <c>FormattableString.Invariant($"...")</c>.</summary>
    private IOperation? InvariantInterpolation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType?.SpecialType == SpecialType.System_String && method.Name == "Create" && invocation.Arguments.Length == 2
            && invocation.Arguments[1].Value is IInterpolatedStringHandlerCreationOperation handler
            && ReferenceEquals(Evaluate(invocation.Arguments[0].Value), System.Globalization.CultureInfo.InvariantCulture))
        {
            return handler;
        }

        if (method.Name == "Invariant" && method.ContainingType?.ToDisplayString() == "System.FormattableString" && invocation.Arguments.Length == 1)
        {
            return invocation.Arguments[0].Value;
        }

        return null;
    }

    /// <summary>A helper whose arguments are unknown still hands back its builder: the chain goes on without a cascade.</summary>
    private object? FluentPassThrough(IMethodSymbol method, object? receiver, IInvocationOperation invocation)
    {
        if (method.IsExtensionMethod && invocation.Arguments.Length > 0 && SymbolEqualityComparer.Default.Equals(method.ReturnType, method.Parameters[0].Type))
        {
            var first = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
            return first is null ? Unknown.Value : Evaluate(first.Value);
        }

        return receiver is not null && SymbolEqualityComparer.Default.Equals(method.ReturnType, method.ContainingType) ? receiver : Unknown.Value;
    }

    /// <summary>The arguments in parameter order, or null when one of them is unknown.</summary>
    private object?[]? EvaluateArguments(IEnumerable<IArgumentOperation> arguments, int count)
    {
        var values = new object?[count];
        var known = true;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is null)
            {
                throw InvalidCode();
            }

            var value = argument.Parameter.RefKind == RefKind.Out ? null : Stored(Evaluate(argument.Value));
            known &= value is not Unknown;
            values[argument.Parameter.Ordinal] = value;
        }

        return known ? values : null;
    }

    /// <summary>Copies <c>ref</c> and <c>out</c> results back to the variables passed.</summary>
    private void WriteBack(IEnumerable<IArgumentOperation> arguments, object?[] values)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out } parameter)
            {
                Assign(argument.Value, values[parameter.Ordinal]);
            }
        }
    }

    /// <summary>Calls <paramref name="method"/>: the team's code, a record's synthesized member, or a curated BCL member.</summary>
    private object? CallMethod(IOperation at, IMethodSymbol method, object? receiver, object?[] arguments)
    {
        Step(at);
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            var local = method.OriginalDefinition;
            return _frame.TryRead(local, out var function) && function is Closure closure
                ? InvokeClosure(at, closure, arguments)
                : NotEvaluable(at, $"The local function '{method.Name}' is not in scope here; {Advice}.");
        }

        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return receiver switch
            {
                Closure closure => InvokeClosure(at, closure, arguments),
                Delegate real => InvokeDelegate(at, real, arguments),
                null => throw Stop(at, $"'{Text(at)}' invokes a null delegate; the program would throw NullReferenceException here."),
                _ => NotEvaluable(at, $"'{Text(at)}' cannot be evaluated at compile time; {Advice}."),
            };
        }

        if (!method.IsStatic && receiver is null)
        {
            throw Stop(at, $"'{Text(at)}' calls {method.Name} on null; the program would throw NullReferenceException here.");
        }

        var target = (IMethodSymbol)_sources.Canonical(Dispatch(method, receiver));
        if (receiver is ObjectValue or TupleValue && RecordMembers.TryInvoke(this, target, receiver, arguments, at, out var synthesized))
        {
            return synthesized;
        }

        if (_sources.BodyOf(target) is { } body)
        {
            return InvokeUser(at, target, body, receiver, arguments, captured: null, callers: null);
        }

        if (target.IsStatic && target.Parameters.Length == arguments.Length && arguments.Length > 0 && arguments[0] is ObjectValue or TupleValue
            && RecordMembers.TryInvoke(this, target, arguments[0], arguments.Skip(1).ToArray(), at, out var extension))
        {
            return extension;
        }

        return CallLibrary(at, target, receiver, arguments);
    }

    /// <summary>The override or interface implementation the receiver's type has for <paramref name="method"/>.</summary>
    private IMethodSymbol Dispatch(IMethodSymbol method, object? receiver)
    {
        if (receiver is not ObjectValue instance || !(method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType.TypeKind == TypeKind.Interface))
        {
            return method;
        }

        var canonical = (IMethodSymbol)_sources.Canonical(method.OriginalDefinition);
        if (canonical.ContainingType.TypeKind == TypeKind.Interface)
        {
            return instance.Type.FindImplementationForInterfaceMember(canonical) as IMethodSymbol ?? method;
        }

        for (var type = instance.Type; type is not null; type = type.BaseType)
        {
            foreach (var candidate in type.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                for (var overridden = candidate; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, canonical))
                    {
                        return candidate;
                    }
                }
            }
        }

        return method;
    }

    /// <summary>Runs a method, accessor or constructor body of the team's code in a new frame.</summary>
    private object? InvokeUser(IOperation at, IMethodSymbol method, IOperation body, object? instance, object?[] arguments, Frame? captured, IReadOnlyList<CallSite>? callers)
    {
        if (_callers.Count >= MaxCallDepth)
        {
            throw Stop(at, $"The build stopped evaluating the stack here: calls nest deeper than {MaxCallDepth} levels, as endless recursion would, and that would crash the compiler. Make the recursion end.");
        }

        var frame = new Frame(captured, instance);
        for (var i = 0; i < method.Parameters.Length && i < arguments.Length; i++)
        {
            frame.Declare(method.Parameters[i], arguments[i]);
        }

        var site = new CallSite(ReportLocation(at), Callee(method));
        if (_sources.IsIterator(body))
        {
            // Runs the body to its end each time it is enumerated, from the place it was called.
            var outerCallers = (callers ?? _callers).Append(site).ToArray();
            return new IteratorValue(() =>
            {
                var sink = new List<object?>();
                RunBody(body, frame, outerCallers, sink);
                return sink;
            });
        }

        var result = RunBody(body, frame, callers is null ? _callers.Append(site).ToArray() : callers, yielded: null);
        for (var i = 0; i < method.Parameters.Length && i < arguments.Length; i++)
        {
            if (method.Parameters[i].RefKind is RefKind.Ref or RefKind.Out)
            {
                frame.TryRead(method.Parameters[i], out arguments[i]);
            }
        }

        return result;
    }

    private object? RunBody(IOperation body, Frame frame, IReadOnlyList<CallSite> callers, List<object?>? yielded)
    {
        var savedFrame = _frame;
        var savedCallers = _callers.ToArray();
        var savedReturn = _returnValue;
        var savedYielded = _yielded;
        _frame = frame;
        _callers.Clear();
        _callers.AddRange(callers);
        _returnValue = null;
        _yielded = yielded;
        try
        {
            if (body is IBlockOperation)
            {
                Execute(body);
                return _returnValue;
            }

            return Stored(Evaluate(body));
        }
        finally
        {
            _frame = savedFrame;
            _callers.Clear();
            _callers.AddRange(savedCallers);
            _returnValue = savedReturn;
            _yielded = savedYielded;
        }
    }

    private static string Callee(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Constructor => "new " + method.ContainingType.Name + "(...)",
        MethodKind.PropertyGet or MethodKind.PropertySet => method.AssociatedSymbol?.Name ?? method.Name,
        MethodKind.LambdaMethod => "a lambda",
        _ => (method.ContainingType is { } type && method.MethodKind != MethodKind.LocalFunction ? type.Name + "." : string.Empty) + method.Name + "(...)",
    };

    private object? InvokeClosure(IOperation at, Closure closure, object?[] arguments)
    {
        if (closure.Body is null)
        {
            return CallMethod(at, closure.Method, closure.Instance, arguments);
        }

        // A lambda's findings land where it was written: the helper calls in progress when it was created.
        return InvokeUser(at, closure.Method, closure.Body, closure.Instance, arguments, closure.Captured, closure.Callers);
    }

    private object? InvokeDelegate(IOperation at, Delegate real, object?[] arguments)
    {
        try
        {
            return real.DynamicInvoke(arguments);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is StopEvaluation or OperationCanceledException)
        {
            throw wrapped.InnerException!;
        }
    }

    private Closure MethodGroup(IMethodReferenceOperation reference)
    {
        var instance = reference.Instance is null || reference.Method.IsStatic ? null : Evaluate(reference.Instance);
        if (reference.Method.MethodKind == MethodKind.LocalFunction && _frame.TryRead(reference.Method.OriginalDefinition, out var local) && local is Closure function)
        {
            return function;
        }

        return new Closure(reference.Method, null, null, instance, _callers.ToArray());
    }

    private object? EvaluateObjectCreation(IObjectCreationOperation creation)
    {
        if (creation.Constructor is not { } constructor || creation.Type is not INamedTypeSymbol type)
        {
            throw InvalidCode();
        }

        var arguments = EvaluateArguments(creation.Arguments, constructor.Parameters.Length);
        if (arguments is null)
        {
            return Unknown.Value;
        }

        object? created;
        var canonical = (INamedTypeSymbol)_sources.Canonical(type.OriginalDefinition);
        if (_sources.HasSource(canonical))
        {
            created = Construct(canonical, (IMethodSymbol)_sources.Canonical(constructor.OriginalDefinition), arguments, creation);
        }
        else if (type.TypeKind == TypeKind.Struct && type.IsTupleType)
        {
            created = new TupleValue(arguments);
        }
        else
        {
            created = CallLibrary(creation, constructor, null, arguments);
        }

        if (created is Unknown)
        {
            return Unknown.Value;
        }

        if (creation.Initializer is { } initializer)
        {
            Initialize(created, initializer);
        }

        return created;
    }

    private void Initialize(object? target, IObjectOrCollectionInitializerOperation initializer)
    {
        _implicitReceivers.Push(target);
        try
        {
            foreach (var part in initializer.Initializers)
            {
                if (part is IMemberInitializerOperation member)
                {
                    var inner = Evaluate(member.InitializedMember);
                    Initialize(inner, member.Initializer);
                    continue;
                }

                Evaluate(part);
            }
        }
        finally
        {
            _implicitReceivers.Pop();
        }
    }

    private object? Construct(INamedTypeSymbol type, IMethodSymbol constructor, object?[] arguments, IOperation? at)
    {
        var instance = new ObjectValue(type);
        RunConstructor(instance, constructor, arguments, at);
        return instance;
    }

    private void RunConstructor(ObjectValue instance, IMethodSymbol constructor, object?[] arguments, IOperation? at)
    {
        if (at is not null)
        {
            Step(at);
        }

        var type = constructor.ContainingType;
        var frame = new Frame(null, instance);
        for (var i = 0; i < constructor.Parameters.Length && i < arguments.Length; i++)
        {
            frame.Declare(constructor.Parameters[i], arguments[i]);
        }

        var parts = _sources.ConstructorOf(constructor);
        if (parts.IsPrimary)
        {
            foreach (var parameter in constructor.Parameters)
            {
                instance.Fields[parameter] = arguments[parameter.Ordinal];
                if (type.IsRecord && _sources.PositionalProperty(type, parameter) is { } property)
                {
                    instance.Fields[property] = arguments[parameter.Ordinal];
                }
            }
        }

        var callers = at is null ? _callers.ToArray() : _callers.Append(new CallSite(ReportLocation(at), Callee(constructor))).ToArray();
        if (parts.Initializer is IInvocationOperation { TargetMethod: { } chained } initializer && SymbolEqualityComparer.Default.Equals(chained.ContainingType, type))
        {
            // this(...): the other constructor runs the initializers.
            var chainedArguments = EvaluateIn(frame, callers, () => EvaluateArguments(initializer.Arguments, chained.Parameters.Length));
            RunConstructor(instance, chained, chainedArguments ?? new object?[chained.Parameters.Length], at);
        }
        else
        {
            foreach (var member in _sources.InstanceMembers(type))
            {
                var initial = _sources.InitializerOf(member);
                if (initial is null && instance.Fields.ContainsKey(member))
                {
                    continue;
                }

                if (initial is not null && _sources.HasErrors(initial))
                {
                    throw InvalidCode();
                }

                instance.Fields[member] = initial is null ? DefaultOf(MemberType(member)) : EvaluateIn(frame, callers, () => Stored(Evaluate(initial)));
            }

            if (type.BaseType is { } baseType && _sources.HasSource(baseType.OriginalDefinition))
            {
                var baseCall = parts.Initializer as IInvocationOperation;
                var baseConstructor = baseCall?.TargetMethod ?? parts.BaseConstructor ?? baseType.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0);
                if (baseConstructor is not null)
                {
                    var baseArguments = baseCall is not null
                        ? EvaluateIn(frame, callers, () => EvaluateArguments(baseCall.Arguments, baseConstructor.Parameters.Length))
                        : EvaluateIn(frame, callers, () => parts.BaseArguments.Select(a => Stored(Evaluate(a))).ToArray());
                    RunConstructor(instance, baseConstructor, baseArguments ?? new object?[baseConstructor.Parameters.Length], at);
                }
            }
        }

        if (parts.Body is { } body)
        {
            RunBody(body, frame, callers, yielded: null);
        }
    }

    private T EvaluateIn<T>(Frame frame, IReadOnlyList<CallSite> callers, Func<T> evaluate)
    {
        var savedFrame = _frame;
        var savedCallers = _callers.ToArray();
        _frame = frame;
        _callers.Clear();
        _callers.AddRange(callers);
        try
        {
            return evaluate();
        }
        finally
        {
            _frame = savedFrame;
            _callers.Clear();
            _callers.AddRange(savedCallers);
        }
    }

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private object? EvaluateAnonymousObject(IAnonymousObjectCreationOperation anonymous)
    {
        var instance = new ObjectValue((INamedTypeSymbol)anonymous.Type!);
        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                instance.Fields[property.Property] = Stored(Evaluate(assignment.Value));
            }
        }

        return instance;
    }

    private object? EvaluateWith(IWithOperation with)
    {
        var original = Evaluate(with.Operand);
        switch (original)
        {
            case Unknown:
                return Unknown.Value;
            case ObjectValue value:
                var copy = value.Clone();
                Initialize(copy, with.Initializer);
                return copy;
            case TupleValue tuple:
                var tupleCopy = new TupleValue((object?[])tuple.Items.Clone());
                Initialize(tupleCopy, with.Initializer);
                return tupleCopy;
            default:
                return NotEvaluable(with, $"'{Text(with)}' cannot be evaluated at compile time; use 'with' on records declared in source.");
        }
    }

    private object? ReadField(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (field.ContainingType?.IsTupleType == true)
        {
            var tuple = reference.Instance is null ? null : Evaluate(reference.Instance);
            return tuple is TupleValue value && TupleIndex(field) is int index && index < value.Items.Length ? value.Items[index] : (tuple is Unknown ? Unknown.Value : NotEvaluable(reference, $"'{Text(reference)}' cannot be evaluated at compile time; {Advice}."));
        }

        var canonical = (IFieldSymbol)_sources.Canonical(field.OriginalDefinition);
        if (_sources.HasSource(canonical.ContainingType))
        {
            if (canonical.IsStatic)
            {
                EnsureStatics(canonical.ContainingType, reference);
                return _statics.TryGetValue(canonical, out var value) ? value : DefaultOf(canonical.Type);
            }

            var instance = Evaluate(reference.Instance!);
            return instance switch
            {
                Unknown => Unknown.Value,
                ObjectValue holder => holder.Fields.TryGetValue(canonical, out var value) ? value : DefaultOf(canonical.Type),
                null => throw Stop(reference, $"'{Text(reference)}' reads a field of null; the program would throw NullReferenceException here."),
                _ => NotEvaluable(reference, $"'{Text(reference)}' cannot be evaluated at compile time; {Advice}."),
            };
        }

        return ReadLibraryMember(reference, field, reference.Instance);
    }

    private static int? TupleIndex(IFieldSymbol field)
    {
        var elements = field.ContainingType.TupleElements;
        var definition = field.CorrespondingTupleField ?? field;
        for (var i = 0; i < elements.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[i], field) || SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField ?? elements[i], definition) || elements[i].Name == field.Name)
            {
                return i;
            }
        }

        return field.Name.StartsWith("Item", StringComparison.Ordinal) && int.TryParse(field.Name.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n - 1 : null;
    }

    private void WriteField(IFieldReferenceOperation reference, object? value)
    {
        var field = reference.Field;
        if (field.ContainingType?.IsTupleType == true)
        {
            if (reference.Instance is not null && Evaluate(reference.Instance) is TupleValue tuple && TupleIndex(field) is int index)
            {
                tuple.Items[index] = value;
            }

            return;
        }

        var canonical = (IFieldSymbol)_sources.Canonical(field.OriginalDefinition);
        if (!_sources.HasSource(canonical.ContainingType))
        {
            NotEvaluable(reference, $"Assigning '{Text(reference)}' cannot be evaluated at compile time; {Advice}.");
            return;
        }

        if (canonical.IsStatic)
        {
            EnsureStatics(canonical.ContainingType, reference);
            _statics[canonical] = value;
            return;
        }

        if (Evaluate(reference.Instance!) is ObjectValue holder)
        {
            holder.Fields[canonical] = value;
        }
    }

    private object? ReadProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.GetMethod is { } sdkGetter && SdkMethods.IsSdkMethod(sdkGetter))
        {
            return InvokeSdkMember(reference, sdkGetter, reference.Instance, Array.Empty<object?>());
        }

        var canonical = (IPropertySymbol)_sources.Canonical(property.OriginalDefinition);
        object? instance = null;
        if (!canonical.IsStatic)
        {
            instance = reference.Instance is null ? null : Evaluate(reference.Instance);
            if (instance is Unknown)
            {
                return Unknown.Value;
            }

            if (instance is null)
            {
                throw Stop(reference, $"'{Text(reference)}' reads a property of null; the program would throw NullReferenceException here.");
            }
        }

        if (instance is ObjectValue { Type.IsAnonymousType: true } anonymous)
        {
            return anonymous.Fields.TryGetValue(property, out var value) ? value : DefaultOf(property.Type);
        }

        if (_sources.HasSource(canonical.ContainingType))
        {
            if (instance is ObjectValue dispatched && (canonical.IsVirtual || canonical.IsAbstract || canonical.IsOverride || canonical.ContainingType.TypeKind == TypeKind.Interface))
            {
                canonical = DispatchProperty(canonical, dispatched);
            }

            if (_sources.IsAutoProperty(canonical))
            {
                if (canonical.IsStatic)
                {
                    EnsureStatics(canonical.ContainingType, reference);
                    return _statics.TryGetValue(canonical, out var value) ? value : DefaultOf(canonical.Type);
                }

                return instance is ObjectValue holder && holder.Fields.TryGetValue(canonical, out var stored) ? stored : DefaultOf(canonical.Type);
            }

            if (canonical.GetMethod is { } getter)
            {
                var arguments = EvaluateArguments(reference.Arguments, getter.Parameters.Length);
                if (arguments is null)
                {
                    return Unknown.Value;
                }

                if (canonical.IsStatic)
                {
                    EnsureStatics(canonical.ContainingType, reference);
                }

                return CallMethod(reference, getter, instance, arguments);
            }
        }

        if (instance is ObjectValue or TupleValue && RecordMembers.TryRead(canonical, instance, out var synthesized))
        {
            return synthesized;
        }

        return ReadLibraryMember(reference, property, reference.Instance, instance);
    }

    private IPropertySymbol DispatchProperty(IPropertySymbol property, ObjectValue instance)
    {
        if (property.ContainingType.TypeKind == TypeKind.Interface)
        {
            return instance.Type.FindImplementationForInterfaceMember(property) as IPropertySymbol ?? property;
        }

        for (var type = instance.Type; type is not null; type = type.BaseType)
        {
            foreach (var candidate in type.GetMembers(property.Name).OfType<IPropertySymbol>())
            {
                for (var overridden = candidate; overridden is not null; overridden = overridden.OverriddenProperty)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, property))
                    {
                        return candidate;
                    }
                }
            }
        }

        return property;
    }

    private void WriteProperty(IPropertyReferenceOperation reference, object? value)
    {
        var property = reference.Property;
        var canonical = (IPropertySymbol)_sources.Canonical(property.OriginalDefinition);
        object? instance = null;
        if (!canonical.IsStatic)
        {
            instance = reference.Instance is null ? null : Evaluate(reference.Instance);
            if (instance is Unknown)
            {
                return;
            }
        }

        if (instance is ObjectValue { Type.IsAnonymousType: true })
        {
            return;
        }

        if (_sources.HasSource(canonical.ContainingType))
        {
            if (_sources.IsAutoProperty(canonical))
            {
                if (canonical.IsStatic)
                {
                    EnsureStatics(canonical.ContainingType, reference);
                    _statics[canonical] = value;
                }
                else if (instance is ObjectValue holder)
                {
                    holder.Fields[canonical] = value;
                }

                return;
            }

            if (canonical.SetMethod is { } setter)
            {
                var arguments = EvaluateArguments(reference.Arguments, setter.Parameters.Length - 1);
                if (arguments is not null)
                {
                    CallMethod(reference, setter, instance, arguments.Append(value).ToArray());
                }

                return;
            }
        }

        if (property.IsIndexer && property.SetMethod is { } librarySetter)
        {
            var arguments = EvaluateArguments(reference.Arguments, librarySetter.Parameters.Length - 1);
            if (arguments is not null)
            {
                CallLibrary(reference, librarySetter, instance, arguments.Append(value).ToArray());
            }

            return;
        }

        NotEvaluable(reference, $"Assigning '{Text(reference)}' cannot be evaluated at compile time; {Advice}.");
    }

    private object? ReadLibraryMember(IOperation reference, ISymbol member, IOperation? instanceOperation, object? instance = null)
    {
        if (member is IPropertySymbol { GetMethod: { } getter } property)
        {
            var arguments = reference is IPropertyReferenceOperation indexed ? EvaluateArguments(indexed.Arguments, getter.Parameters.Length) : Array.Empty<object?>();
            if (arguments is null)
            {
                return Unknown.Value;
            }

            if (!property.IsStatic && instance is null && instanceOperation is not null)
            {
                instance = Evaluate(instanceOperation);
                if (instance is Unknown)
                {
                    return Unknown.Value;
                }
            }

            return CallLibrary(reference, getter, instance, arguments);
        }

        if (member is IFieldSymbol { IsStatic: true } field)
        {
            return BclMembers.ReadStaticField(field, out var value, out var refusal)
                ? value
                : NotEvaluable(reference, Refused(reference, field, refusal));
        }

        return NotEvaluable(reference, $"{Describe(reference)} cannot be evaluated at compile time; {Advice}.");
    }

    /// <summary>Runs the static initializers and static constructor of a type of the team's code, once, on first use.</summary>
    private void EnsureStatics(INamedTypeSymbol type, IOperation at)
    {
        if (!_initializedTypes.Add(type.OriginalDefinition))
        {
            return;
        }

        var frame = new Frame(null, null);
        foreach (var member in _sources.StaticMembers(type))
        {
            var initializer = _sources.InitializerOf(member);
            if (initializer is not null && _sources.HasErrors(initializer))
            {
                throw InvalidCode();
            }

            _statics[member] = initializer is null ? DefaultOf(MemberType(member)) : EvaluateIn(frame, _callers.ToArray(), () => Stored(Evaluate(initializer)));
        }

        foreach (var constructor in type.StaticConstructors)
        {
            if (_sources.ConstructorOf(constructor).Body is { } body)
            {
                RunBody(body, frame, _callers.Append(new CallSite(ReportLocation(at), "static " + type.Name)).ToArray(), yielded: null);
            }
        }
    }

    /// <summary>A call into code without source: a curated BCL member runs; anything else is IKS0001 saying why.</summary>
    private object? CallLibrary(IOperation at, IMethodSymbol method, object? receiver, object?[] arguments)
    {
        if (arguments.Any(a => a is Unknown) || receiver is Unknown)
        {
            return Unknown.Value;
        }

        var refusal = BclMembers.Refusal(method, receiver, arguments);
        if (refusal is not null)
        {
            return NotEvaluable(at, Refused(at, method, refusal));
        }

        if (method.MethodKind == MethodKind.Constructor && BclMembers.CollectionKind(method.ContainingType) is { } collection && arguments.Length == 0)
        {
            return BclMembers.CreateCollection(collection, Array.Empty<object?>());
        }

        try
        {
            return BclMembers.Invoke(method, receiver, arguments, (closure, delegateType) => ToDelegate(at, closure, delegateType));
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is StopEvaluation or OperationCanceledException)
        {
            throw wrapped.InnerException!;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            throw Stop(at, $"'{Text(at)}' throws {wrapped.InnerException.GetType().Name} ({wrapped.InnerException.Message}); the program would stop here, so the build writes nothing.");
        }
        catch (BclMembers.NotRunnable notRunnable)
        {
            return NotEvaluable(at, $"'{Text(at)}' calls {method.ContainingType?.Name}.{method.Name}, which the build cannot run at compile time ({notRunnable.Message}); {Advice}.");
        }
    }

    private static string Refused(IOperation at, ISymbol member, string reason) =>
        $"'{Text(at)}' cannot be evaluated at compile time: {BclMembers.Name(member)} {reason}";

    /// <summary>A real delegate over a closure, for the BCL (LINQ) and the SDK (Action&lt;T&gt; callbacks) to call.</summary>
    private Delegate ToDelegate(IOperation at, Closure closure, Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
        var returnsValue = invoke.ReturnType != typeof(void);
        var adapter = typeof(DelegateAdapter).GetMethod((returnsValue ? "Func" : "Action") + parameters.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new BclMembers.NotRunnable($"a delegate with {parameters.Length} parameters");
        var typeArguments = returnsValue ? parameters.Append(invoke.ReturnType).ToArray() : parameters;
        var holder = new DelegateAdapter(arguments => InvokeClosure(at, closure, arguments));
        var made = (Delegate)(typeArguments.Length == 0 ? adapter.Invoke(holder, null) : adapter.MakeGenericMethod(typeArguments).Invoke(holder, null))!;
        return made.GetType() == delegateType ? made : Delegate.CreateDelegate(delegateType, made.Target, made.Method);
    }

    /// <summary>Typed entry points that forward a delegate call to the interpreter.</summary>
    private sealed class DelegateAdapter
    {
        private readonly Func<object?[], object?> _call;

        public DelegateAdapter(Func<object?[], object?> call) => _call = call;

        public Action Action0() => () => _call(Array.Empty<object?>());

        public Action<T1> Action1<T1>() => a => _call(new object?[] { a });

        public Action<T1, T2> Action2<T1, T2>() => (a, b) => _call(new object?[] { a, b });

        public Func<TResult> Func0<TResult>() => () => Result<TResult>(_call(Array.Empty<object?>()));

        public Func<T1, TResult> Func1<T1, TResult>() => a => Result<TResult>(_call(new object?[] { a }));

        public Func<T1, T2, TResult> Func2<T1, T2, TResult>() => (a, b) => Result<TResult>(_call(new object?[] { a, b }));

        public Func<T1, T2, T3, TResult> Func3<T1, T2, T3, TResult>() => (a, b, c) => Result<TResult>(_call(new object?[] { a, b, c }));

        private static TResult Result<TResult>(object? value)
        {
            if (value is Unknown)
            {
                // The reason was reported where the value became unknown; nothing sensible can come out of the BCL now.
                throw new StopEvaluation();
            }

            if (value is TResult typed)
            {
                return typed;
            }

            if (value is null)
            {
                return default!;
            }

            var target = Nullable.GetUnderlyingType(typeof(TResult)) ?? typeof(TResult);
            return (TResult)System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
