namespace Infohus.Api.Cases.Intake;

/// <summary>
/// A Danish CPR number (personnummer) as a member types it: exactly <c>DDMMYY-SSSS</c> or ten digits,
/// ASCII 0-9 only (no other script's digits, no surrounding space or line end), with a date of birth
/// that exists. The century follows the CPR office's rule on the 7th digit (the first of the serial
/// number): 0-3 is 1900-1999; 4 and 9 are 2000-2036 for years 00-36, else 1937-1999; 5-8 are
/// 2000-2057 for years 00-57, else 1858-1899. So 29 February needs a leap year in that century.
/// The modulus-11 check is not applied: CPR numbers without it have been issued since 2007.
/// </summary>
public static class CprNumber
{
    public static bool IsValid(string text)
    {
        var digits = text.Length switch
        {
            10 => text,
            11 when text[6] == '-' => string.Concat(text.AsSpan(0, 6), text.AsSpan(7)),
            _ => null
        };
        if (digits is null || !digits.All(c => c is >= '0' and <= '9')) return false;

        int Two(int at) => (digits[at] - '0') * 10 + (digits[at + 1] - '0');
        var (day, month, year) = (Two(0), Two(2), Two(4));
        var century = (digits[6] - '0') switch
        {
            <= 3 => 1900,
            4 or 9 => year <= 36 ? 2000 : 1900,
            _ => year <= 57 ? 2000 : 1800
        };
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(century + year, month);
    }
}
