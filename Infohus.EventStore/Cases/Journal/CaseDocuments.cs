using Infohus.EventStore.Hosting;
using Infohus.EventStore.Schema;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Infohus.EventStore.Cases;

/// <summary>
/// The content of attached documents, sealed with the case's key: never in clear, never on a disk of the
/// API. A row is written in the transaction of its <see cref="DocumentAttached"/> event and deleted in the
/// erasure's, when the key goes too.
/// </summary>
public static class CaseDocuments
{
    public static void Store(IDocumentSession session, Guid documentId, Guid caseId, byte[] sealedContent) =>
        session.QueueSqlCommand($"insert into {InfohusEventStore.Schema}.case_document (id, case_id, content) values (?, ?, ?)",
            documentId, caseId, sealedContent);

    public static void Erase(IDocumentSession session, Guid caseId) =>
        session.QueueSqlCommand($"delete from {InfohusEventStore.Schema}.case_document where case_id = ?", caseId);
}

/// <summary>The document table, beside Marten's own and emptied with them on reset.</summary>
public sealed class CaseDocumentSchema(StoreOptions options) : InfohusFeatureSchema("case-documents", options)
{
    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var documents = new Table(Named("case_document")) { PrimaryKeyName = "case_document_pkey" };
        documents.AddColumn<Guid>("id").AsPrimaryKey();
        documents.AddColumn<Guid>("case_id").NotNull();
        documents.AddColumn("content", "bytea").NotNull();
        documents.Indexes.Add(new IndexDefinition("case_document_case_id") { Columns = ["case_id"] });
        yield return documents;

        foreach (var emptied in EmptiedWithTheEvents("case_document_empty", "case_document")) yield return emptied;
    }
}
