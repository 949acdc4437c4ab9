using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>C#'s built-in numeric, boolean and bitwise operators and numeric conversions, on boxed values.</summary>
internal static class Arithmetic
{
    public static bool IsNumeric(SpecialType type) => type is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
        or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
        or SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal or SpecialType.System_Char;

    public static bool IsNumber(object? value) => value is int or long or short or byte or sbyte or ushort or uint or ulong or double or float or decimal or char;

    public static int? ToIndex(object? value) => value switch
    {
        int i => i,
        long l when l >= int.MinValue && l <= int.MaxValue => (int)l,
        short or byte or sbyte or ushort or char => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
        uint u when u <= int.MaxValue => (int)u,
        _ => null,
    };

    /// <summary>A numeric conversion with C#'s semantics: fractions truncate toward zero, unchecked narrowing wraps.</summary>
    public static object Convert(object value, SpecialType target, bool isChecked)
    {
        if (value is double or float)
        {
            var d = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return isChecked ? CheckedFromDouble(d, target) : UncheckedFromDouble(d, target);
        }

        if (value is decimal m)
        {
            return target switch
            {
                SpecialType.System_Double => (double)m,
                SpecialType.System_Single => (float)m,
                SpecialType.System_Decimal => m,
                _ => FromLong((long)decimal.Truncate(m), target, isChecked),
            };
        }

        if (value is ulong big)
        {
            return target switch
            {
                SpecialType.System_Double => (double)big,
                SpecialType.System_Single => (float)big,
                SpecialType.System_Decimal => (decimal)big,
                SpecialType.System_UInt64 => big,
                _ => isChecked ? FromLong(checked((long)big), target, true) : FromLong(unchecked((long)big), target, false),
            };
        }

        var whole = value is char c ? c : System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return FromLong(whole, target, isChecked);
    }

    private static object FromLong(long v, SpecialType target, bool isChecked) => isChecked
        ? target switch
        {
            SpecialType.System_Int32 => checked((int)v),
            SpecialType.System_Int64 => v,
            SpecialType.System_Int16 => checked((short)v),
            SpecialType.System_Byte => checked((byte)v),
            SpecialType.System_SByte => checked((sbyte)v),
            SpecialType.System_UInt16 => checked((ushort)v),
            SpecialType.System_UInt32 => checked((uint)v),
            SpecialType.System_UInt64 => checked((ulong)v),
            SpecialType.System_Char => checked((char)v),
            SpecialType.System_Double => (double)v,
            SpecialType.System_Single => (float)v,
            _ => (decimal)v,
        }
        : target switch
        {
            SpecialType.System_Int32 => unchecked((int)v),
            SpecialType.System_Int64 => v,
            SpecialType.System_Int16 => unchecked((short)v),
            SpecialType.System_Byte => unchecked((byte)v),
            SpecialType.System_SByte => unchecked((sbyte)v),
            SpecialType.System_UInt16 => unchecked((ushort)v),
            SpecialType.System_UInt32 => unchecked((uint)v),
            SpecialType.System_UInt64 => unchecked((ulong)v),
            SpecialType.System_Char => unchecked((char)v),
            SpecialType.System_Double => (double)v,
            SpecialType.System_Single => (float)v,
            _ => (decimal)v,
        };

    private static object CheckedFromDouble(double d, SpecialType target) => target switch
    {
        SpecialType.System_Double => d,
        SpecialType.System_Single => (float)d,
        SpecialType.System_Decimal => (decimal)d,
        SpecialType.System_Int32 => checked((int)d),
        SpecialType.System_Int64 => checked((long)d),
        SpecialType.System_Int16 => checked((short)d),
        SpecialType.System_Byte => checked((byte)d),
        SpecialType.System_SByte => checked((sbyte)d),
        SpecialType.System_UInt16 => checked((ushort)d),
        SpecialType.System_UInt32 => checked((uint)d),
        SpecialType.System_UInt64 => checked((ulong)d),
        _ => checked((char)d),
    };

    private static object UncheckedFromDouble(double d, SpecialType target) => target switch
    {
        SpecialType.System_Double => d,
        SpecialType.System_Single => (float)d,
        SpecialType.System_Decimal => (decimal)d,
        SpecialType.System_Int32 => unchecked((int)d),
        SpecialType.System_Int64 => unchecked((long)d),
        SpecialType.System_Int16 => unchecked((short)d),
        SpecialType.System_Byte => unchecked((byte)d),
        SpecialType.System_SByte => unchecked((sbyte)d),
        SpecialType.System_UInt16 => unchecked((ushort)d),
        SpecialType.System_UInt32 => unchecked((uint)d),
        SpecialType.System_UInt64 => unchecked((ulong)d),
        _ => unchecked((char)d),
    };

    /// <summary>Orders two numbers of any numeric types (the compiler already converted them to one type).</summary>
    public static int CompareNumbers(object left, object right)
    {
        if (!IsNumber(left) || !IsNumber(right))
        {
            return left is IComparable comparable && left.GetType() == right.GetType() && left is not string ? comparable.CompareTo(right) : (Equals(left, right) ? 0 : 1);
        }

        if (left is double or float || right is double or float)
        {
            return System.Convert.ToDouble(left, CultureInfo.InvariantCulture).CompareTo(System.Convert.ToDouble(right, CultureInfo.InvariantCulture));
        }

        if (left is decimal || right is decimal)
        {
            return System.Convert.ToDecimal(left, CultureInfo.InvariantCulture).CompareTo(System.Convert.ToDecimal(right, CultureInfo.InvariantCulture));
        }

        if (left is ulong || right is ulong)
        {
            return System.Convert.ToUInt64(left, CultureInfo.InvariantCulture).CompareTo(System.Convert.ToUInt64(right, CultureInfo.InvariantCulture));
        }

        return ToLong(left).CompareTo(ToLong(right));
    }

    private static long ToLong(object value) => value is char c ? c : System.Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>A built-in binary operator on operands of <paramref name="type"/>; null when C# has none for them.</summary>
    public static object? Binary(BinaryOperatorKind kind, object left, object right, SpecialType type, bool isChecked)
    {
        if (left is bool a && right is bool b)
        {
            return kind switch
            {
                BinaryOperatorKind.And => a & b,
                BinaryOperatorKind.Or => a | b,
                BinaryOperatorKind.ExclusiveOr => a ^ b,
                _ => null,
            };
        }

        if (!IsNumber(left) || !IsNumber(right))
        {
            return null;
        }

        if (kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift)
        {
            var count = (int)ToLong(right);
            return left switch
            {
                int i => kind == BinaryOperatorKind.LeftShift ? i << count : kind == BinaryOperatorKind.RightShift ? i >> count : (int)((uint)i >> count),
                long l => kind == BinaryOperatorKind.LeftShift ? l << count : kind == BinaryOperatorKind.RightShift ? l >> count : (long)((ulong)l >> count),
                uint u => kind == BinaryOperatorKind.LeftShift ? u << count : u >> count,
                ulong ul => kind == BinaryOperatorKind.LeftShift ? ul << count : ul >> count,
                _ => null,
            };
        }

        switch (type)
        {
            case SpecialType.System_Double or SpecialType.System_Single:
                var x = System.Convert.ToDouble(left, CultureInfo.InvariantCulture);
                var y = System.Convert.ToDouble(right, CultureInfo.InvariantCulture);
                double? real = kind switch
                {
                    BinaryOperatorKind.Add => x + y,
                    BinaryOperatorKind.Subtract => x - y,
                    BinaryOperatorKind.Multiply => x * y,
                    BinaryOperatorKind.Divide => x / y,
                    BinaryOperatorKind.Remainder => x % y,
                    _ => null,
                };
                return real is null ? null : type == SpecialType.System_Single ? (float)real.Value : real.Value;
            case SpecialType.System_Decimal:
                var p = System.Convert.ToDecimal(left, CultureInfo.InvariantCulture);
                var q = System.Convert.ToDecimal(right, CultureInfo.InvariantCulture);
                return kind switch
                {
                    BinaryOperatorKind.Add => p + q,
                    BinaryOperatorKind.Subtract => p - q,
                    BinaryOperatorKind.Multiply => p * q,
                    BinaryOperatorKind.Divide => p / q,
                    BinaryOperatorKind.Remainder => p % q,
                    _ => null,
                };
            case SpecialType.System_UInt64:
                var m = System.Convert.ToUInt64(left, CultureInfo.InvariantCulture);
                var n = System.Convert.ToUInt64(right, CultureInfo.InvariantCulture);
                return isChecked ? CheckedUnsigned(kind, m, n) : UncheckedUnsigned(kind, m, n);
            case SpecialType.System_Int64 or SpecialType.System_UInt32:
                var r = isChecked ? CheckedSigned(kind, ToLong(left), ToLong(right)) : UncheckedSigned(kind, ToLong(left), ToLong(right));
                return r is null ? null : type == SpecialType.System_UInt32 ? Convert(r.Value, SpecialType.System_UInt32, isChecked) : r.Value;
            default:
                // int, and the smaller types C# promotes to int.
                var s = isChecked ? CheckedSigned(kind, ToLong(left), ToLong(right)) : UncheckedSigned(kind, ToLong(left), ToLong(right));
                return s is null ? null : Convert(s.Value, SpecialType.System_Int32, isChecked);
        }
    }

    private static long? UncheckedSigned(BinaryOperatorKind kind, long x, long y) => kind switch
    {
        BinaryOperatorKind.Add => unchecked(x + y),
        BinaryOperatorKind.Subtract => unchecked(x - y),
        BinaryOperatorKind.Multiply => unchecked(x * y),
        BinaryOperatorKind.Divide => x / y,
        BinaryOperatorKind.Remainder => x % y,
        BinaryOperatorKind.And => x & y,
        BinaryOperatorKind.Or => x | y,
        BinaryOperatorKind.ExclusiveOr => x ^ y,
        _ => null,
    };

    private static long? CheckedSigned(BinaryOperatorKind kind, long x, long y) => kind switch
    {
        BinaryOperatorKind.Add => checked(x + y),
        BinaryOperatorKind.Subtract => checked(x - y),
        BinaryOperatorKind.Multiply => checked(x * y),
        _ => UncheckedSigned(kind, x, y),
    };

    private static object? UncheckedUnsigned(BinaryOperatorKind kind, ulong x, ulong y) => kind switch
    {
        BinaryOperatorKind.Add => unchecked(x + y),
        BinaryOperatorKind.Subtract => unchecked(x - y),
        BinaryOperatorKind.Multiply => unchecked(x * y),
        BinaryOperatorKind.Divide => x / y,
        BinaryOperatorKind.Remainder => x % y,
        BinaryOperatorKind.And => x & y,
        BinaryOperatorKind.Or => x | y,
        BinaryOperatorKind.ExclusiveOr => x ^ y,
        _ => null,
    };

    private static object? CheckedUnsigned(BinaryOperatorKind kind, ulong x, ulong y) => kind switch
    {
        BinaryOperatorKind.Add => checked(x + y),
        BinaryOperatorKind.Subtract => checked(x - y),
        BinaryOperatorKind.Multiply => checked(x * y),
        _ => UncheckedUnsigned(kind, x, y),
    };

    /// <summary>A built-in unary operator; null when C# has none for the operand.</summary>
    public static object? Unary(UnaryOperatorKind kind, object operand, bool isChecked)
    {
        switch (kind)
        {
            case UnaryOperatorKind.Not when operand is bool flag:
                return !flag;
            case UnaryOperatorKind.Plus when IsNumber(operand):
                return operand is char or byte or sbyte or short or ushort ? Convert(operand, SpecialType.System_Int32, false) : operand;
            case UnaryOperatorKind.Minus:
                return operand switch
                {
                    int i => isChecked ? checked(-i) : unchecked(-i),
                    long l => isChecked ? checked(-l) : unchecked(-l),
                    double d => -d,
                    float f => -f,
                    decimal m => -m,
                    uint u => -(long)u,
                    char or byte or sbyte or short or ushort => -(int)ToLong(operand),
                    _ => null,
                };
            case UnaryOperatorKind.BitwiseNegation:
                return operand switch
                {
                    int i => ~i,
                    long l => ~l,
                    uint u => ~u,
                    ulong ul => ~ul,
                    char or byte or sbyte or short or ushort => ~(int)ToLong(operand),
                    _ => null,
                };
            default:
                return null;
        }
    }
}
