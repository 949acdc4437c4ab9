using System.Collections;
using System.Reflection;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// <c>ToString()</c>, <c>Equals</c> and <c>GetHashCode</c> of every public model, plan and finding type return, with
/// every member filled in: a record that prints a computed member of its own type (as <see cref="SourceRef.AtDeclaration"/>
/// once did) recurses without end, and any caller who logs a finding crashes.
/// </summary>
public sealed class ObjectMethodsTerminateTests
{
    private static readonly string[] Namespaces = { "Iklim.StackSdk.Model", "Iklim.StackSdk.Building", "Iklim.StackSdk.Merging" };

    public static TheoryData<string> Types => new(PublicValueTypes().Select(t => t.FullName!));

    [Fact]
    public void TheListCoversModelFindingsAndPlans()
    {
        var names = PublicValueTypes().Select(t => t.Name).ToList();
        Assert.Contains(nameof(Finding), names);
        Assert.Contains(nameof(SourceRef), names);
        Assert.Contains(nameof(ServiceSpec), names);
        Assert.Contains(nameof(StackModel), names);
        Assert.Contains(nameof(Merging.OverlayPlan), names);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task ToStringEqualsAndHashCode_Return(string typeName)
    {
        var type = typeof(StackModel).Assembly.GetType(typeName)!;
        var a = Create(type, 0);
        var b = Create(type, 0);
        var run = Task.Run(() =>
        {
            Assert.False(string.IsNullOrEmpty(a.ToString()));
            Assert.True(a.Equals(b), $"two {type.Name} built alike are not equal");
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        });
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(finished == run, $"{type.Name}: ToString, Equals or GetHashCode did not return in 10 s");
        await run;
    }

    private static IEnumerable<Type> PublicValueTypes() =>
        typeof(StackModel).Assembly.GetExportedTypes()
            .Where(t => Namespaces.Contains(t.Namespace) && !t.IsInterface && !t.IsAbstract && !t.IsEnum && !t.IsGenericTypeDefinition)
            .Where(t => !typeof(Delegate).IsAssignableFrom(t) && !(t.IsSealed && t.IsAbstract))
            .Where(t => t.GetMethod("ToString", Type.EmptyTypes)!.DeclaringType == t || t.GetMethod("Equals", new[] { typeof(object) })!.DeclaringType == t)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    // Every constructor argument and settable property gets a value, nested types recursively, so printing walks everything.
    private static object Create(Type type, int depth)
    {
        if (type == typeof(string))
        {
            return "x";
        }

        if (type == typeof(object))
        {
            return "origin";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Create(underlying, depth);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0)!;
        }

        if (type.IsPrimitive)
        {
            return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(ValueMap))
        {
            return ValueMap.Empty.Set("k", "v");
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>))
        {
            var item = type.GetGenericArguments()[0];
            var array = Array.CreateInstance(item, depth > 3 ? 0 : 1);
            if (array.Length > 0)
            {
                array.SetValue(Create(item, depth + 1), 0);
            }

            return Activator.CreateInstance(type, array)!;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]))!;
            if (depth <= 3)
            {
                list.Add(Create(type.GetGenericArguments()[0], depth + 1));
            }

            return list;
        }

        if (type.IsAbstract)
        {
            var concrete = type.Assembly.GetExportedTypes().First(t => !t.IsAbstract && type.IsAssignableFrom(t));
            return Create(concrete, depth);
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var instance = constructor.Invoke(constructor.GetParameters().Select(p => Create(p.ParameterType, depth + 1)).ToArray());
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            if (depth <= 3 || Nullable.GetUnderlyingType(property.PropertyType) is null && property.PropertyType.IsValueType)
            {
                property.SetValue(instance, Create(property.PropertyType, depth + 1));
            }
        }

        return instance;
    }
}
