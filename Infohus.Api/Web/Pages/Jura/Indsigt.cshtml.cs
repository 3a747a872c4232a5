using Marten;

namespace Infohus.Api.Web.Pages.Jura;

/// <summary>
/// A person's access request (C-579/21): who read the personal data of their case, when and why. The
/// access log of one case, from the same endpoint code, with its CSV to hand over.
/// </summary>
public class IndsigtModel(IQuerySession session) : AdgangslogModel(session)
{
    protected override bool SagKraeves => true;

    protected override string Filnavn => "infohus-indsigt";
}
