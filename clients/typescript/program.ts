// A small integrator's program against the generated types: create a referral, take a step, read the
// case, handle a 409. It is only compiled (tsc --strict), never run: it proves the contract types what
// an integrator needs. The @ts-expect-error lines prove a wrong field type does not compile.
import type { components, paths } from "./generated/infohus";

type Problem = components["schemas"]["Problem"];
type ReceiveReferral = components["schemas"]["ReceiveReferral"];
type ReferralReceipt = paths["/api/cases"]["post"]["responses"][201]["content"]["application/json"];
type InformManager = components["schemas"]["InformManager"];
type StepAnswer = paths["/api/cases/{id}/manager-informed"]["post"]["responses"][200]["content"]["application/json"];
type StepConflict = paths["/api/cases/{id}/manager-informed"]["post"]["responses"][409]["content"]["application/problem+json"];
type CaseView = paths["/api/cases/{id}"]["get"]["responses"][200]["content"]["application/json"];

const base = "https://infohus.example.org";

async function send<T>(method: "GET" | "POST", path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T | Problem; location: string | null; etag: string | null }> {
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T | Problem, location: response.headers.get("Location"), etag: response.headers.get("ETag") };
}

const referral: ReceiveReferral = {
  source: "employee",
  channel: "in-person",
  referrerOrganisation: "school",
  registration: {
    age: 16,
    gender: "male",
    nationality: "danish",
    district: "hirtshals",
    family: "strained",
    attachment: "school",
    ideology: "right-wing",
    warningSigns: ["online-radical-content"],
  },
  description: "A teacher is worried about a pupil's statements.",
};

// @ts-expect-error: the age is a number, never a string.
const wrongAge: ReceiveReferral = { ...referral, registration: { ...referral.registration, age: "16" } };
// @ts-expect-error: a source is one of the codes.
const wrongSource: ReceiveReferral = { ...referral, source: "teacher" };
// @ts-expect-error: a step's version is a number.
const wrongVersion: InformManager = { version: "1" };

export async function createTakeReadAndRetry(token: string): Promise<number> {
  const created = await send<ReferralReceipt>("POST", "/api/cases", token, referral, { "Idempotency-Key": crypto.randomUUID() });
  if (created.status !== 201 || "code" in created.body) throw new Error("the referral was refused");
  const receipt: ReferralReceipt = created.body;
  const caseUrl: string = created.location ?? `/api/cases/${receipt.id}`;
  const reference: string = receipt.reference;

  const step: InformManager = { version: receipt.version };
  const informed = await send<StepAnswer>("POST", `/api/cases/${receipt.id}/manager-informed`, token, step);
  if (informed.status === 409) {
    const conflict = informed.body as StepConflict;
    if (conflict.code === "stale-version") {
      // Another member was first: decide again on the version as stored.
      const current: number | undefined = conflict.currentVersion;
      return current ?? 0;
    }
    if (conflict.code === "step-out-of-order") throw new Error(conflict.detail ?? conflict.title);
  }

  const read = await send<CaseView>("GET", caseUrl, token, undefined, { "X-Purpose": "case meeting" });
  if (read.status !== 200 || "code" in read.body) throw new Error(`case ${reference} could not be read`);
  const view: CaseView = read.body;
  const version: number = view.version;
  const allowed: string[] = view.allowedActions;
  const ifMatch: string = read.etag ?? `"${version}"`;
  void allowed;
  void ifMatch;
  return version;
}

void wrongAge;
void wrongSource;
void wrongVersion;
