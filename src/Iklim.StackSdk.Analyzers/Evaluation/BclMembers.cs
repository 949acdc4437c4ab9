using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// The pure BCL members stack code may call at compile time, run for real by reflection. Collections are erased to
/// <c>object</c> elements (<c>List&lt;string&gt;</c> runs as <c>List&lt;object&gt;</c>), so records declared in source fit
/// in them; lambdas become real delegates that call back into the interpreter. Everything else is refused with the
/// reason: what no build can know (clock, environment, files, randomness, network, reflection), what would differ by
/// culture (with the invariant overload to use), or code without source.
/// </summary>
internal static class BclMembers
{
    private const string Any = "*";

    private static readonly string[] Numbers =
    {
        "System.Int32", "System.Int64", "System.Int16", "System.Byte", "System.SByte", "System.UInt16", "System.UInt32", "System.UInt64",
    };

    private static readonly string[] Fractions = { "System.Double", "System.Single", "System.Decimal" };

    private static readonly Dictionary<string, HashSet<string>> Allowed = CreateAllowed();

    private static readonly Assembly[] FrameworkAssemblies =
    {
        typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(HashSet<>).Assembly, typeof(Stack<>).Assembly, typeof(StringBuilder).Assembly, typeof(Uri).Assembly,
    };

    private static readonly ConditionalWeakTable<IMethodSymbol, ResolvedMember> Resolved = new();

    /// <summary>Collections the interpreter creates itself (construction and collection expressions).</summary>
    internal enum Collection
    {
        List,
        HashSet,
        Dictionary,
    }

    private static Dictionary<string, HashSet<string>> CreateAllowed()
    {
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["System.String"] = Set(".ctor", "Join", "Concat", "Format", "Replace", "Split", "Trim", "TrimStart", "TrimEnd", "Substring", "ToLowerInvariant", "ToUpperInvariant",
                "StartsWith", "EndsWith", "Contains", "IndexOf", "IndexOfAny", "LastIndexOf", "PadLeft", "PadRight", "IsNullOrEmpty", "IsNullOrWhiteSpace", "get_Length", "get_Chars",
                "Equals", "CompareOrdinal", "Compare", "Insert", "Remove", "ToCharArray", "ToString", "Empty"),
            ["System.Char"] = Set("IsDigit", "IsLetter", "IsLetterOrDigit", "IsUpper", "IsLower", "IsWhiteSpace", "IsPunctuation", "ToUpperInvariant", "ToLowerInvariant", "ToString", "Equals", "CompareTo"),
            ["System.Math"] = Set("Abs", "Max", "Min", "Ceiling", "Floor", "Round", "Truncate", "Clamp", "Pow", "Sqrt", "Sign", "DivRem", "Log", "Log10", "Log2"),
            ["System.Boolean"] = Set("Parse", "TryParse", "ToString", "Equals", "CompareTo"),
            ["System.Object"] = Set("ToString", "Equals", "ReferenceEquals"),
            ["System.Globalization.CultureInfo"] = Set("get_InvariantCulture"),
            ["System.StringComparer"] = Set("get_Ordinal", "get_OrdinalIgnoreCase", "Equals", "Compare"),
            ["System.Text.StringBuilder"] = Set(".ctor", "Append", "AppendLine", "Insert", "Replace", "Remove", "Clear", "ToString", "get_Length"),
            ["System.Collections.Generic.List`1"] = Set(".ctor", "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "Contains", "IndexOf",
                "LastIndexOf", "Clear", "get_Count", "get_Item", "set_Item", "ToArray", "Reverse", "Sort", "Exists", "Find", "FindIndex", "FindLast", "FindAll", "ForEach", "GetRange",
                "ConvertAll", "TrueForAll", "GetEnumerator"),
            ["System.Collections.Generic.Dictionary`2"] = Set(".ctor", "Add", "TryAdd", "Remove", "ContainsKey", "ContainsValue", "TryGetValue", "get_Item", "set_Item", "get_Count",
                "get_Keys", "get_Values", "Clear", "GetEnumerator"),
            ["System.Collections.Generic.HashSet`1"] = Set(".ctor", "Add", "Remove", "Contains", "get_Count", "UnionWith", "IntersectWith", "ExceptWith", "SetEquals", "IsSubsetOf",
                "IsSupersetOf", "Overlaps", "Clear", "GetEnumerator"),
            ["System.Collections.Generic.KeyValuePair`2"] = Set(".ctor", "get_Key", "get_Value", "Deconstruct"),
            ["System.Collections.Generic.KeyValuePair"] = Set("Create"),
            ["System.Collections.Generic.CollectionExtensions"] = Set("GetValueOrDefault", "TryAdd"),
            ["System.Array"] = Set("Empty", "IndexOf", "get_Length", "Exists", "Find", "FindAll", "ConvertAll", "TrueForAll"),
            ["System.Linq.Enumerable"] = Set("Select", "SelectMany", "Where", "Range", "Repeat", "Empty", "Concat", "Append", "Prepend", "Skip", "SkipWhile", "SkipLast", "Take",
                "TakeWhile", "TakeLast", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Order", "OrderDescending", "Reverse", "Distinct", "DistinctBy", "Union",
                "Intersect", "Except", "Zip", "Any", "All", "Count", "LongCount", "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "ElementAt",
                "ElementAtOrDefault", "Contains", "Sum", "Min", "Max", "MinBy", "MaxBy", "Average", "Aggregate", "ToArray", "ToList", "ToDictionary", "ToHashSet", "GroupBy",
                "Cast", "SequenceEqual", "DefaultIfEmpty", "Chunk", "AsEnumerable", "ToLookup"),
        };

        foreach (var number in Numbers)
        {
            allowed[number] = Set("Parse", "TryParse", "ToString", "CompareTo", "Equals");
        }

        foreach (var fraction in Fractions)
        {
            allowed[fraction] = Set("Parse", "TryParse", "ToString", "CompareTo", "Equals", "IsNaN", "IsInfinity", "Round", "Truncate", "Floor", "Ceiling");
        }

        // Reading these is pure whatever the member: the collection interfaces and LINQ's result types.
        foreach (var type in new[]
        {
            "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IEnumerator`1", "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1",
            "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.IDictionary`2",
            "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.ISet`1", "System.Collections.Generic.IReadOnlySet`1",
            "System.Collections.Generic.Dictionary`2+KeyCollection", "System.Collections.Generic.Dictionary`2+ValueCollection", "System.Linq.IGrouping`2",
            "System.Linq.ILookup`2", "System.Linq.IOrderedEnumerable`1", "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        })
        {
            allowed[type] = Set(Any);
        }

        return allowed;
    }

    private static HashSet<string> Set(params string[] members) => new(members, StringComparer.Ordinal);

    /// <summary>"String.ToLower", as messages name a member.</summary>
    public static string Name(ISymbol member)
    {
        var name = member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet, AssociatedSymbol: { } property } ? property.Name
            : member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "constructor" : member.Name;
        return (member.ContainingType?.Name ?? "?") + "." + name;
    }

    /// <summary>Why <paramref name="method"/> may not run with these values, or null when it may.</summary>
    public static string? Refusal(IMethodSymbol method, object? receiver, object?[] arguments)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return "cannot run at compile time.";
        }

        var typeName = MetadataName(type.OriginalDefinition);
        if (Nondeterministic(type, method) is { } unknowable)
        {
            return unknowable + ", which no build can know: the artefacts must be the same on every build and machine. Pass the value in as a constant, or use Env.Var(...) so Docker reads it at deploy time.";
        }

        var name = method.Name;
        if (name == "GetHashCode")
        {
            return "is randomised per process, so the artefacts would differ from build to build.";
        }

        if (SdkMethods.IsSdkAssembly(type.ContainingAssembly))
        {
            return "belongs to the SDK's model, not to the DSL that stack code calls; the build evaluates DSL calls.";
        }

        if (!IsFramework(type.ContainingAssembly))
        {
            var assembly = type.ContainingAssembly?.Name ?? "?";
            return $"comes from the compiled assembly '{assembly}', whose code the build cannot see. Mark that assembly with [assembly: StackConventions] so its source travels with it (docs/conventions.md), or move the code into the stack project.";
        }

        if (Culture(method, typeName, receiver, arguments) is { } culture)
        {
            return culture;
        }

        if (!Allowed.TryGetValue(typeName, out var members) || !(members.Contains(Any) || members.Contains(name) || (method.AssociatedSymbol is { } associated && members.Contains(associated.Name))))
        {
            return "is not among the pure BCL members the build evaluates (the README's 'Writing stack code' lists them).";
        }

        return null;
    }

    /// <summary>The culture-sensitive overloads, refused with the invariant one to use: output must be the same under tr-TR.</summary>
    private static string? Culture(IMethodSymbol method, string typeName, object? receiver, object?[] arguments)
    {
        var name = method.Name;
        var parameters = method.Parameters;
        bool Has(string parameterType) => parameters.Any(p => MetadataName(p.Type.OriginalDefinition) == parameterType);
        var hasProvider = Has("System.IFormatProvider") || Has("System.Globalization.CultureInfo");

        foreach (var argument in arguments)
        {
            if (argument is CultureInfo culture && !ReferenceEquals(culture, CultureInfo.InvariantCulture) && culture.Name.Length > 0)
            {
                return $"is given the culture '{culture.Name}'; use CultureInfo.InvariantCulture so the artefacts are the same everywhere.";
            }

            if (argument is StringComparison comparison && comparison is StringComparison.CurrentCulture or StringComparison.CurrentCultureIgnoreCase)
            {
                return "compares with the machine's culture; use StringComparison.Ordinal.";
            }
        }

        if (typeName == "System.String")
        {
            if (name is "ToLower" or "ToUpper")
            {
                return $"changes case with the machine's culture ('I'.ToLower() is 'ı' under tr-TR); use {name}Invariant().";
            }

            var comparesText = name is "StartsWith" or "EndsWith" or "IndexOf" or "LastIndexOf" or "Compare" or "CompareTo"
                && parameters.Length > 0 && parameters[0].Type.SpecialType == SpecialType.System_String && !Has("System.StringComparison");
            if (comparesText)
            {
                return "compares text with the machine's culture; pass StringComparison.Ordinal.";
            }

            if (name == "Format" && !hasProvider)
            {
                return "formats with the machine's culture; use string.Format(CultureInfo.InvariantCulture, ...).";
            }
        }

        var fractionReceiver = receiver is double or float or decimal;
        if (name == "ToString" && !hasProvider && (Fractions.Contains(typeName) || fractionReceiver))
        {
            return "writes the number with the machine's culture (0,5 under tr-TR); use ToString(CultureInfo.InvariantCulture).";
        }

        if (name is "Parse" or "TryParse" && (Numbers.Contains(typeName) || Fractions.Contains(typeName)) && !hasProvider)
        {
            return "reads the number with the machine's culture; pass CultureInfo.InvariantCulture.";
        }

        var orders = name is "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Order" or "OrderDescending" or "Min" or "Max" or "MinBy" or "MaxBy" or "Sort";
        if (orders && !Has("System.Collections.Generic.IComparer`1") && !Has("System.Comparison`1") && OrderedType(method)?.SpecialType == SpecialType.System_String)
        {
            return "orders strings with the machine's culture; pass StringComparer.Ordinal.";
        }

        return null;
    }

    /// <summary>The type an ordering method compares: its key, else its element.</summary>
    private static ITypeSymbol? OrderedType(IMethodSymbol method)
    {
        var definition = method.ReducedFrom is null ? method : method.ReducedFrom.Construct(method.TypeArguments.ToArray());
        if (definition.TypeArguments.Length == 2 && method.Name is not "Min" and not "Max")
        {
            return definition.TypeArguments[1];
        }

        if (method.Name is "Min" or "Max" && definition.TypeArguments.Length == 2)
        {
            return definition.TypeArguments[1];
        }

        if (definition.TypeArguments.Length == 1)
        {
            return definition.TypeArguments[0];
        }

        return method.ContainingType.TypeArguments.FirstOrDefault() ?? (method.Parameters.FirstOrDefault()?.Type as INamedTypeSymbol)?.TypeArguments.FirstOrDefault();
    }

    private static string? Nondeterministic(INamedTypeSymbol type, IMethodSymbol? method)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        var name = MetadataName(type.OriginalDefinition);
        bool In(string prefix) => ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);
        return name switch
        {
            "System.DateTime" or "System.DateTimeOffset" or "System.TimeZoneInfo" or "System.Diagnostics.Stopwatch" or "System.TimeProvider" => "reads the clock",
            "System.Environment" => "reads the machine's environment",
            "System.Random" => "is random",
            "System.Guid" when method?.Name == "NewGuid" => "is random",
            "System.Diagnostics.Process" => "starts processes",
            "System.Console" => "reads or writes the console",
            "System.Type" or "System.Activator" or "System.AppDomain" => "uses reflection",
            _ when In("System.IO") => "reads or writes the file system",
            _ when In("System.Net") => "uses the network",
            _ when In("System.Security.Cryptography") => "is random or depends on the machine's keys",
            _ when In("System.Reflection") || In("System.Runtime.Loader") => "uses reflection",
            _ when In("System.Threading") => "depends on threads and timing",
            _ => null,
        };
    }

    private static bool IsFramework(IAssemblySymbol? assembly)
    {
        var name = assembly?.Name ?? string.Empty;
        return name is "mscorlib" or "netstandard" or "System" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);
    }

    /// <summary>The value of a static field of the BCL (<c>string.Empty</c>), or the reason it is refused.</summary>
    public static bool ReadStaticField(IFieldSymbol field, out object? value, out string refusal)
    {
        value = null;
        if (field.ContainingType?.SpecialType == SpecialType.System_String && field.Name == "Empty")
        {
            value = string.Empty;
            refusal = string.Empty;
            return true;
        }

        refusal = field.ContainingType is { } type && Nondeterministic(type, null) is { } reason
            ? reason + ", which no build can know: the artefacts must be the same on every build and machine."
            : "is a field the build cannot read at compile time; use a const.";
        return false;
    }

    /// <summary>Which collection a constructed type is, when the interpreter creates it itself.</summary>
    public static Collection? CollectionKind(INamedTypeSymbol type) => MetadataName(type.OriginalDefinition) switch
    {
        "System.Collections.Generic.List`1" or "System.Collections.Generic.IList`1" or "System.Collections.Generic.ICollection`1" => Collection.List,
        "System.Collections.Generic.HashSet`1" or "System.Collections.Generic.ISet`1" => Collection.HashSet,
        "System.Collections.Generic.Dictionary`2" or "System.Collections.Generic.IDictionary`2" => Collection.Dictionary,
        _ => null,
    };

    public static object CreateCollection(Collection kind, IReadOnlyCollection<object?> items) => kind switch
    {
        Collection.List => new List<object?>(items),
        Collection.HashSet => new HashSet<object?>(items),
        _ => new Dictionary<object, object?>(),
    };

    /// <summary>The runtime type of a BCL type symbol with its type parameters erased to <c>object</c>, or null.</summary>
    public static Type? RuntimeType(ITypeSymbol type)
    {
        try
        {
            return Erase(type.OriginalDefinition);
        }
        catch (NotRunnable)
        {
            return null;
        }
    }

    /// <summary>Runs <paramref name="method"/> by reflection; <c>out</c> and <c>ref</c> results are written back into <paramref name="arguments"/>.</summary>
    public static object? Invoke(IMethodSymbol method, object? receiver, object?[] arguments, Func<Closure, Type, Delegate> toDelegate)
    {
        var member = Resolved.GetValue(method, static m => new ResolvedMember(Resolve(m))).Member ?? throw new NotRunnable("it has no runtime counterpart here");
        var parameters = member.GetParameters();
        var runtimeArguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length && i < arguments.Length; i++)
        {
            var parameterType = parameters[i].ParameterType;
            runtimeArguments[i] = ConvertArgument(arguments[i], parameterType.IsByRef ? parameterType.GetElementType()! : parameterType, toDelegate);
        }

        object? result;
        try
        {
            result = member is ConstructorInfo constructor ? constructor.Invoke(runtimeArguments) : ((MethodInfo)member).Invoke(receiver, runtimeArguments);
        }
        catch (ArgumentException exception)
        {
            throw new NotRunnable(exception.Message);
        }

        for (var i = 0; i < parameters.Length && i < arguments.Length; i++)
        {
            if (parameters[i].ParameterType.IsByRef)
            {
                arguments[i] = runtimeArguments[i];
            }
        }

        return result;
    }

    private static object? ConvertArgument(object? value, Type target, Func<Closure, Type, Delegate> toDelegate)
    {
        if (value is null || target == typeof(object))
        {
            return value;
        }

        if (value is Closure closure && typeof(Delegate).IsAssignableFrom(target))
        {
            return toDelegate(closure, target);
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        if (target.IsArray && value is IEnumerable arrayItems)
        {
            var elementType = target.GetElementType()!;
            var list = arrayItems.Cast<object?>().Select(i => ConvertArgument(i, elementType, toDelegate)).ToList();
            var array = Array.CreateInstance(elementType, list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                array.SetValue(list[i], i);
            }

            return array;
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IEnumerable<>) && value is IEnumerable items)
        {
            var element = target.GetGenericArguments()[0];
            return typeof(Enumerable).GetMethod(nameof(Enumerable.Cast))!.MakeGenericMethod(element).Invoke(null, new object[] { items });
        }

        if (target.IsGenericType && (target.GetGenericTypeDefinition() == typeof(IEqualityComparer<>) || target.GetGenericTypeDefinition() == typeof(IComparer<>))
            && value is IEqualityComparer equality && value is IComparer order && target.GetGenericArguments()[0] == typeof(object))
        {
            return new ErasedComparer(equality, order);
        }

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsEnum)
        {
            return Enum.ToObject(underlying, value);
        }

        if (underlying.IsPrimitive && value is IConvertible)
        {
            return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
        }

        return value;
    }

    private static MethodBase? Resolve(IMethodSymbol method)
    {
        try
        {
            var definition = method.ReducedFrom ?? method;
            var original = definition.OriginalDefinition;
            var generic = original.IsGenericMethod ? original.ConstructedFrom : original;
            var type = Erase(definition.ContainingType.OriginalDefinition);
            var parameterTypes = generic.Parameters.Select(p => p.RefKind == RefKind.None ? Erase(p.Type) : Erase(p.Type).MakeByRefType()).ToArray();
            if (method.MethodKind == MethodKind.Constructor)
            {
                return type.GetConstructor(parameterTypes);
            }

            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
            foreach (var candidate in type.GetMethods(flags))
            {
                if (candidate.Name != generic.Name || candidate.GetParameters().Length != parameterTypes.Length || candidate.IsGenericMethodDefinition != generic.IsGenericMethod
                    || candidate.IsStatic != definition.IsStatic)
                {
                    continue;
                }

                MethodInfo made;
                try
                {
                    made = candidate.IsGenericMethodDefinition ? candidate.MakeGenericMethod(Enumerable.Repeat(typeof(object), candidate.GetGenericArguments().Length).ToArray()) : candidate;
                }
                catch (ArgumentException)
                {
                    continue;
                }

                if (made.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameterTypes))
                {
                    return made;
                }
            }

            return null;
        }
        catch (NotRunnable)
        {
            return null;
        }
    }

    /// <summary>The runtime type of <paramref name="type"/> with every type parameter as <c>object</c>.</summary>
    private static Type Erase(ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol:
                return typeof(object);
            case IArrayTypeSymbol array:
                return Erase(array.ElementType).MakeArrayType();
            case INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable:
                return nullable.TypeArguments[0] is ITypeParameterSymbol ? typeof(object) : typeof(Nullable<>).MakeGenericType(Erase(nullable.TypeArguments[0]));
            case INamedTypeSymbol named:
                var open = FindType(MetadataName(named.OriginalDefinition), named.ContainingAssembly?.Name) ?? throw new NotRunnable("its type is not loaded here");
                var arguments = AllTypeArguments(named).Select(Erase).ToArray();
                return arguments.Length == 0 ? open : open.MakeGenericType(arguments);
            default:
                throw new NotRunnable("its type has no runtime counterpart");
        }
    }

    private static IEnumerable<ITypeSymbol> AllTypeArguments(INamedTypeSymbol type) =>
        (type.ContainingType is { } outer ? AllTypeArguments(outer) : Enumerable.Empty<ITypeSymbol>()).Concat(type.TypeArguments);

    private static Type? FindType(string metadataName, string? assemblyName)
    {
        foreach (var assembly in FrameworkAssemblies)
        {
            if (assembly.GetType(metadataName, throwOnError: false) is { } found)
            {
                return found;
            }
        }

        return assemblyName is null ? null : Type.GetType(metadataName + ", " + assemblyName, throwOnError: false);
    }

    /// <summary>"System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2+KeyCollection".</summary>
    public static string MetadataName(ITypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            return MetadataName(outer) + "+" + type.MetadataName;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
    }

    /// <summary>A member the interpreter may call but cannot run here (no runtime counterpart, or argument types it cannot map).</summary>
    internal sealed class NotRunnable : Exception
    {
        public NotRunnable(string message)
            : base(message)
        {
        }
    }

    private sealed class ResolvedMember
    {
        public ResolvedMember(MethodBase? member) => Member = member;

        public MethodBase? Member { get; }
    }

    /// <summary>A string comparer for collections erased to <c>object</c> elements.</summary>
    private sealed class ErasedComparer : IEqualityComparer<object?>, IComparer<object?>
    {
        private readonly IEqualityComparer _equality;
        private readonly IComparer _order;

        public ErasedComparer(IEqualityComparer equality, IComparer order)
        {
            _equality = equality;
            _order = order;
        }

        public new bool Equals(object? x, object? y) => x is null || y is null ? x is null && y is null : _equality.Equals(x, y);

        public int GetHashCode(object? obj) => obj is null ? 0 : _equality.GetHashCode(obj);

        public int Compare(object? x, object? y) => _order.Compare(x, y);
    }
}
