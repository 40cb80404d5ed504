// The customer-record commands of the mock backend (loaded after mock-cases.js, whose intake
// and create commands it wraps to add the customer match and link). It mimics the contract:
// phones folded without spaces, dashes or +86, exact references, a name only suggests; a key
// customer needs a reason; merging refuses the same id twice, a missing or merged record.
// Starting data: ?customers=demo (a key customer with a hostile name and reason, and another
// record of the same person with a case of its own).
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const EVIL = '<img src=x onerror=alert(1)>';
  const iso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const phoneKey = (v) => {
    const text = String(v ?? '').trim();
    let d = text.replace(/\D/g, '');
    if (text.startsWith('+') && d.startsWith('86')) d = d.slice(2);
    else if (d.startsWith('0086')) d = d.slice(4);
    else if (d.length === 13 && d.startsWith('861')) d = d.slice(2);
    return d || null;
  };
  const refKey = (v) => String(v ?? '').replace(/\s+/g, '').toLowerCase() || null;
  const nameKey = (v) => String(v ?? '').trim().split(/\s+/).join(' ').toLowerCase() || null;
  db.customers = [];
  db.customerAudit = [];
  db.caseCustomer = new Map();
  let nextId = 1;
  const audit = (id, field, oldValue, newValue) => db.customerAudit.unshift({ customerId: id, at: iso(), actor: null, field, oldValue, newValue });
  const make = (name, type = 'unknown') => {
    const c = { id: nextId++, name, customerType: type, notes: '', keyCustomer: false, keyReason: null, mergedInto: null, phones: [], references: [], createdAt: iso(), updatedAt: iso() };
    db.customers.push(c);
    audit(c.id, 'created', null, name);
    return c;
  };
  const byId = (id) => db.customers.find((c) => c.id === id);
  const live = (id) => {
    const c = byId(id);
    if (!c) fail('not_found');
    if (c.mergedInto) fail('customer.already_merged');
    return c;
  };
  const casesOf = (id) => (db.cases ?? []).filter((k) => db.caseCustomer.get(k.id) === id);
  const summary = (c) => {
    const cases = casesOf(c.id);
    return {
      id: c.id, name: c.name, customerType: c.customerType, keyCustomer: c.keyCustomer, keyReason: c.keyReason,
      phones: [...c.phones], references: [...c.references], caseCount: cases.length,
      openCount: cases.filter((k) => !['closed', 'invalid'].includes(k.status)).length,
      lastCaseAt: cases.map((k) => k.receivedAt).sort().pop() ?? null,
    };
  };
  const detail = (id) => {
    const c = byId(id) ?? fail('not_found');
    return {
      ...summary(c), notes: c.notes, mergedInto: c.mergedInto, createdAt: c.createdAt, updatedAt: c.updatedAt,
      cases: casesOf(id).map((k) => ({ id: k.id, number: k.number, receivedAt: k.receivedAt, status: k.status, grade: k.grade, complainantName: k.complainantName })),
      audit: db.customerAudit.filter((a) => a.customerId === id),
    };
  };
  const addKeys = (c, phone, reference) => {
    if (phoneKey(phone) && !c.phones.some((p) => phoneKey(p) === phoneKey(phone))) { c.phones.push(phone); audit(c.id, 'phone', null, phone); }
    if (refKey(reference) && !c.references.some((r) => refKey(r) === refKey(reference))) { c.references.push(reference); audit(c.id, 'reference', null, reference); }
  };
  const match = (input) => {
    const found = db.customers.filter((c) => !c.mergedInto).map((c) => ({
      c,
      matchedBy: [
        phoneKey(input.phone) && c.phones.some((p) => phoneKey(p) === phoneKey(input.phone)) && 'phone',
        refKey(input.reference) && c.references.some((r) => refKey(r) === refKey(input.reference)) && 'reference',
        nameKey(input.complainantName) && nameKey(c.name) === nameKey(input.complainantName) && 'name',
      ].filter(Boolean),
    })).filter((m) => m.matchedBy.length);
    const score = (m) => (m.matchedBy.includes('phone') ? 2 : 0) + (m.matchedBy.includes('reference') ? 1 : 0);
    const best = found.filter((m) => score(m) > 0).sort((a, b) => score(b) - score(a))[0];
    const chosen = best?.c.id ?? null;
    found.sort((a, b) => (b.c.id === chosen) - (a.c.id === chosen) || b.matchedBy.length - a.matchedBy.length);
    return { candidates: found.slice(0, 8).map((m) => ({ ...summary(m.c), matchedBy: m.matchedBy })), chosen };
  };

  const checkIntake = commands.check_case_intake;
  const createCase = commands.create_case;
  Object.assign(commands, {
    check_case_intake: (args) => ({ ...checkIntake(args), customer: match(args.input) }),
    create_case: (args) => {
      const { input } = args;
      if (input.customerId != null) live(input.customerId);
      const page = createCase(args);
      let target = input.customerId ?? (input.newCustomer ? null : match(input).chosen);
      const anonymous = !input.complainantName && !input.phone && !input.reference;
      if (target == null && !(anonymous && !input.newCustomer)) target = make(input.complainantName ?? '', input.customerType).id;
      if (target != null) {
        addKeys(byId(target), input.phone, input.reference);
        db.caseCustomer.set(page.fields.id, target);
        audit(target, 'case', null, page.fields.number);
      }
      return page;
    },
    list_customers: ({ query }) => {
      const needle = String(query?.search ?? '').trim().toLowerCase();
      const rows = db.customers.filter((c) => !c.mergedInto && (!query?.keyOnly || c.keyCustomer)
        && (!needle || [c.name, ...c.phones, ...c.references, c.notes].some((v) => String(v).toLowerCase().includes(needle))))
        .map(summary).sort((a, b) => b.keyCustomer - a.keyCustomer || String(b.lastCaseAt).localeCompare(String(a.lastCaseAt)));
      return { total: rows.length, rows: rows.slice(query?.offset ?? 0, (query?.offset ?? 0) + (query?.limit ?? 50)), upgrade: db.customerUpgrade ?? null };
    },
    get_customer: ({ id }) => detail(id),
    case_customer: ({ caseId }) => {
      const id = db.caseCustomer.get(caseId);
      return id ? summary(byId(id)) : null;
    },
    update_customer: ({ id, edit }) => {
      const c = live(id);
      if (!['passive', 'talker', 'angry', 'activist', 'unknown'].includes(edit.customerType)) fail('invalid.choice', 'customerType');
      for (const [field, key, value] of [['name', 'name', edit.name ?? ''], ['customer_type', 'customerType', edit.customerType], ['notes', 'notes', edit.notes ?? '']]) {
        if (c[key] !== value) audit(id, field, c[key], value);
        c[key] = value;
      }
      return detail(id);
    },
    set_key_customer: ({ id, flag }) => {
      const c = live(id);
      const reason = String(flag.reason ?? '').trim();
      if (flag.keyCustomer && !reason) fail('invalid.reason_required', 'keyReason');
      audit(id, 'key_customer', c.keyCustomer ? c.keyReason : 'no', flag.keyCustomer ? reason : 'no');
      Object.assign(c, { keyCustomer: Boolean(flag.keyCustomer), keyReason: flag.keyCustomer ? reason : null });
      return detail(id);
    },
    merge_customers: ({ kept, merged }) => {
      if (kept === merged) fail('customer.merge_same');
      const keep = live(kept);
      const gone = live(merged);
      const moving = casesOf(merged);
      for (const k of moving) db.caseCustomer.set(k.id, kept);
      gone.phones.forEach((p) => addKeys(keep, p, null));
      gone.references.forEach((r) => addKeys(keep, null, r));
      keep.notes = [keep.notes, gone.notes].filter(Boolean).join('\n\n');
      if (gone.keyCustomer && !keep.keyCustomer) Object.assign(keep, { keyCustomer: true, keyReason: gone.keyReason });
      Object.assign(gone, { mergedInto: kept, keyCustomer: false });
      audit(kept, 'merged_from', String(merged), String(kept));
      audit(merged, 'merged_into', String(merged), String(kept));
      return { kept, merged, casesMoved: moving.length };
    },
  });

  if (params.get('customers') === 'demo') {
    const key = make(`赵先生 ${EVIL}`, 'activist');
    key.phones.push('135 1234 5678');
    Object.assign(key, { keyCustomer: true, keyReason: `扬言找媒体曝光 ${EVIL}`, notes: '先安抚情绪，再谈方案。' });
    const other = make('赵先生', 'activist');
    other.phones.push('021-6234 5678');
    const quiet = make('Li Wei', 'passive');
    quiet.references.push('3栋1203');
    const cases = db.cases ?? [];
    if (cases[0]) db.caseCustomer.set(cases[0].id, key.id);
    if (cases[1]) db.caseCustomer.set(cases[1].id, other.id);
    if (cases[2]) db.caseCustomer.set(cases[2].id, quiet.id);
    db.customerUpgrade = { casesLinked: 3, customersMade: 3 };
  }
})();
