// What every use-case file under Cases/ needs: the case model, the policies, Marten and Wolverine.Http.
global using Infohus.Api.Security;
global using Infohus.EventStore.Cases;
global using Marten;
global using Microsoft.AspNetCore.Authorization;
global using Wolverine.Http;
