using System.Globalization;

namespace HyperCrm.TestBase;

/// <summary>Reads something as a reader of another language would: the current culture and UI culture for a moment.</summary>
public static class InCulture
{
    public static T Read<T>(string name, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
