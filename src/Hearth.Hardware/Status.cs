namespace Hearth.Hardware;

/// <summary>How a check came out; serialised in lower case in <c>--json</c>.</summary>
public enum Status
{
    /// <summary>Works as it should.</summary>
    Pass,

    /// <summary>Nothing to verify here (no such hardware), stated for completeness.</summary>
    Info,

    /// <summary>Works, but something is off or could not be confirmed.</summary>
    Warn,

    /// <summary>Present but not working.</summary>
    Fail,
}
