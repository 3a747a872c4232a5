namespace Infohus.Specs.Api.Reliability;

public class when_a_client_retries_with_an_idempotency_key(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_repeat_gets_the_original_answer_and_registers_nothing_twice()
    {
        var first = await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, "referral-1");
        var repeat = await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, "referral-1");

        first.Answer.Status.ShouldBe(HttpStatusCode.Created);
        first.Replayed.ShouldBeFalse();
        repeat.Replayed.ShouldBeTrue();
        repeat.Answer.Status.ShouldBe(HttpStatusCode.Created);
        repeat.Answer.Id.ShouldBe(first.Answer.Id, "the same case, not a second referral");
        (await Host.StoredEventCount()).ShouldBe(1);
    }

    [Fact]
    public async Task a_step_repeated_with_its_key_appends_once_instead_of_answering_stale()
    {
        var @case = await Host.ReferralFromEmployee();

        var first = await Host.PostWithKey(@case.Url("manager-informed"), new InformManager(@case.Version), Caller.BfuMember, "step-1");
        var repeat = await Host.PostWithKey(@case.Url("manager-informed"), new InformManager(@case.Version), Caller.BfuMember, "step-1");

        first.Answer.Status.ShouldBe(HttpStatusCode.OK);
        repeat.Answer.ToString().ShouldBe(first.Answer.ToString());
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version + 1);
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_a_422_and_appends_nothing()
    {
        await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, "referral-2");

        var other = await Host.PostWithKey("/api/cases", Given.EmployeeReferral(age: 40), Caller.BfuMember, "referral-2");

        other.Answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        other.Answer.Detail.ShouldContain("different request");
        (await Host.StoredEventCount()).ShouldBe(1);
    }

    [Fact]
    public async Task concurrent_repeats_register_the_referral_once()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, "referral-3")));

        answers.ShouldAllBe(a => a.Answer.Status == HttpStatusCode.Created || a.Answer.Status == HttpStatusCode.Conflict);
        answers.Where(a => a.Answer.Status == HttpStatusCode.Created).Select(a => a.Answer.Id).Distinct().Count().ShouldBe(1);
        (await Host.StoredEventCount()).ShouldBe(1);
    }

    [Fact]
    public async Task keys_belong_to_their_caller_and_expire()
    {
        await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, "referral-4");
        var someoneElse = await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.PoliceMember, "referral-4");
        someoneElse.Replayed.ShouldBeFalse("another member's key of the same name is another key");

        await using (var connection = new Npgsql.NpgsqlConnection(App.ConnectionString))
        {
            await connection.OpenAsync();
            await using var age = new Npgsql.NpgsqlCommand("update infohus.idempotency set created_at = created_at - interval '25 hours'", connection);
            await age.ExecuteNonQueryAsync();
        }
        var afterExpiry = await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, "referral-4");

        afterExpiry.Replayed.ShouldBeFalse("a key is remembered for 24 hours by default");
        (await Host.StoredEventCount()).ShouldBe(3);
    }

    [Fact]
    public async Task a_key_left_unanswered_by_a_request_that_died_is_taken_over_after_a_minute()
    {
        // What a request cut off by a database outage leaves: its claim on the key, never answered.
        var referral = Given.EmployeeReferral();
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(referral, referral.GetType(), HttpSpeech.Json);
        var hash = System.Security.Cryptography.SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes("POST /api/cases\n"), .. body]);
        await Sql("insert into infohus.idempotency (caller, key, request_hash) values ('bfu-member', 'referral-5', @hash)", hash);

        var meanwhile = await Host.PostWithKey("/api/cases", referral, Caller.BfuMember, "referral-5");
        meanwhile.Answer.Status.ShouldBe(HttpStatusCode.Conflict, "within a minute the first request may still be running");
        await Sql("update infohus.idempotency set created_at = created_at - interval '2 minutes'", hash);
        var retry = await Host.PostWithKey("/api/cases", referral, Caller.BfuMember, "referral-5");
        var again = await Host.PostWithKey("/api/cases", referral, Caller.BfuMember, "referral-5");

        retry.Answer.Status.ShouldBe(HttpStatusCode.Created, retry.Answer.ToString());
        again.Replayed.ShouldBeTrue();
        again.Answer.Id.ShouldBe(retry.Answer.Id);
        (await Host.StoredEventCount()).ShouldBe(1);
    }

    private async Task Sql(string sql, byte[] hash)
    {
        await using var connection = new Npgsql.NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("hash", hash);
        await command.ExecuteNonQueryAsync();
    }
}
