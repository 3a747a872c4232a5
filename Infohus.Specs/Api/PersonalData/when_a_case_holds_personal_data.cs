using Infohus.Api.Cases.Intake;
using Npgsql;

namespace Infohus.Specs.Api.PersonalData;

public class when_a_case_holds_personal_data(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task no_table_holds_a_personal_field_in_clear_text_yet_a_member_reads_them_all()
    {
        var known = await Host.CaseFullOfPersonalData();
        // The scan itself finds what is stored: the case id is in the event and stream tables.
        (await RowsContaining(App.ConnectionString, known.Case.Id.ToString())).ShouldContain("infohus.mt_events");

        foreach (var text in known.Texts)
            (await RowsContaining(App.ConnectionString, text)).ShouldBeEmpty($"'{text}' is stored in clear text");

        var view = await Host.Get(known.Case.Url(), Caller.BfuMember);
        var personal = view.Body!["personal"]!;
        personal["erased"]!.GetValue<bool>().ShouldBeFalse();
        personal["subjectName"]!.GetValue<string>().ShouldBe(PersonalFacts.Name);
        personal["subjectCprNumber"]!.GetValue<string>().ShouldBe(PersonalFacts.Cpr);
        personal["subjectAddress"]!.GetValue<string>().ShouldBe(PersonalFacts.Address);
        personal["referrerName"]!.GetValue<string>().ShouldBe(PersonalFacts.ReferrerName);
        personal["description"]!.GetValue<string>().ShouldBe(PersonalFacts.Description);
        personal["preparednessPlan"]!.GetValue<string>().ShouldBe(PersonalFacts.Plan);
    }

    [Fact]
    public async Task coded_fields_stay_readable_for_the_register()
    {
        var known = await Host.CaseFullOfPersonalData();

        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select data::text from infohus.mt_events where stream_id = @id and type = 'referral_received'", connection);
        command.Parameters.AddWithValue("id", known.Case.Id);
        var stored = (string)(await command.ExecuteScalarAsync())!;

        stored.ShouldContain("\"age\": 16");
        stored.ShouldContain("\"district\": \"hirtshals\"");
        stored.ShouldContain("\"sealed\": \"v1:");
    }

    [Fact]
    public async Task a_malformed_cpr_number_is_refused_without_echoing_it()
    {
        const string wrong = "31129-99999";
        var answer = await Host.Post("/api/cases", Given.EmployeeReferral() with { Subject = new Person("X", wrong) }, Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ToString().ShouldNotContain(wrong);
        (await Host.StoredEventCount()).ShouldBe(0);
    }

    [Theory]
    [InlineData("240708-4417\n", "a trailing line feed (a regex $ lets it through)")]
    [InlineData("2407084417\n", "ten digits and a line feed")]
    [InlineData(" 2407084417", "a leading space")]
    [InlineData("240708 4417", "a space for the dash")]
    [InlineData("24070-84417", "the dash out of place")]
    [InlineData("240708--4417", "two dashes")]
    [InlineData("٢٤٠٧٠٨-٤٤١٧", "Arabic-Indic digits")]
    [InlineData("２４０７０８４４１７", "full-width digits")]
    [InlineData("000101-1234", "day 0")]
    [InlineData("320101-1234", "day 32")]
    [InlineData("011301-1234", "month 13")]
    [InlineData("310401-1234", "31 April")]
    [InlineData("290200-2001", "29 February 1900 (7th digit 2: the 1900s), not a leap year")]
    [InlineData("290258-5001", "29 February 1858 (7th digit 5, year 58: the 1800s), not a leap year")]
    public async Task a_cpr_number_that_is_not_ten_ascii_digits_on_an_existing_date_is_refused_without_echoing_it(string cpr, string what)
    {
        var answer = await Host.Post("/api/cases", Given.EmployeeReferral() with { Subject = new Person("X", cpr) }, Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, $"{what}: {answer}");
        answer.Detail.ShouldContain("date of birth that exists", customMessage: what);
        answer.ToString().ShouldNotContain(cpr.Trim());
        (await Host.StoredEventCount()).ShouldBe(0);
    }

    [Theory]
    [InlineData("240708-4417")]
    [InlineData("2407084417")]
    [InlineData("290200-4001")]
    [InlineData("290256-5001")]
    [InlineData("311299-9999")]
    [InlineData("010100-0001")]
    public async Task a_cpr_number_with_a_date_that_exists_in_its_century_is_accepted(string cpr)
    {
        var answer = await Host.Post("/api/cases", Given.EmployeeReferral() with { Subject = new Person("X", cpr) }, Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
    }

    /// <summary>Every row of every table in the database, as text, that contains the value.</summary>
    public static async Task<IReadOnlyList<string>> RowsContaining(string connectionString, string value)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
            "where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        tables.Count.ShouldBeGreaterThan(5, "the scan must see Marten's and Wolverine's tables");
        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var scan = new NpgsqlCommand($"select count(*) from {table} t where strpos(t::text, @value) > 0", connection);
            scan.Parameters.AddWithValue("value", value);
            if ((long)(await scan.ExecuteScalarAsync())! > 0) hits.Add(table);
        }
        return hits;
    }
}
