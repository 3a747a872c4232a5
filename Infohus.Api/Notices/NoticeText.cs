namespace Infohus.Api.Notices;

/// <summary>
/// A notice in Danish, as staff read it: the case's reference, what is due and the link, and nothing
/// else of the case; whoever opens the link signs in and sees the case as their role allows.
/// </summary>
public static class NoticeText
{
    private static readonly TimeZoneInfo Denmark = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static (string Subject, string Body) Compose(NoticeToSend notice, string link)
    {
        var sag = $"sag {notice.Reference ?? "uden referencenummer"}";
        var (subject, lead) = notice.Kind switch
        {
            NoticeKind.Routed => ($"Sag {Ref(notice)} venter i jeres kø",
                $"En borgers henvendelse, {sag}, er sendt til jer og venter på, at en af jer tager den."),
            NoticeKind.AcuteIntake => ($"Akut: sag {Ref(notice)} kræver et ad hoc-møde",
                $"Henvendelsen i {sag} er vurderet akut ved modtagelsen."),
            NoticeKind.Assigned => ($"Sag {Ref(notice)} er tildelt dig", $"Du har fået {sag}."),
            NoticeKind.DeadlineTomorrow => ($"Reaktionsfristen for sag {Ref(notice)} udløber i morgen",
                $"Reaktionsfristen for {sag} udløber {When(notice.DueAt)}."),
            NoticeKind.DeadlineMissed => ($"Reaktionsfristen for sag {Ref(notice)} er overskredet",
                $"Reaktionsfristen for {sag} udløb {When(notice.DueAt)}, og sagen står på listen over overskredne frister."),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, "A notice kind without a text.")
        };
        if (notice.AdHocMeeting) subject = notice.Kind == NoticeKind.AcuteIntake ? subject : $"Akut: {subject}";
        var adHoc = notice.AdHocMeeting
            ? "\n\nAKUT: Henvendelsen er vurderet akut ved modtagelsen. Infohuset skal holde et ad hoc-møde om sagen i dag; den står på mødets dagsorden."
            : "";
        var body = $"{lead}{adHoc}\n\nÅbn sagen: {link}\n\n"
                   + "Beskeden indeholder ingen personoplysninger. Log ind i Infohus for at se sagen.\n";
        return (subject, body);
    }

    private static string Ref(NoticeToSend notice) => notice.Reference ?? "uden referencenummer";

    private static string When(DateTimeOffset? at) => at is { } due
        ? TimeZoneInfo.ConvertTime(due, Denmark).ToString("dd.MM.yyyy 'kl.' HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : "nu";
}
