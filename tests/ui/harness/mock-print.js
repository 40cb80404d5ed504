// The printing commands of the mock backend (see mock-tauri.js and mock-cases.js, loaded
// first): the case history record, masked as the backend masks it (export/mask.rs: `张**`,
// `138****8000`) unless personal data were asked for. `window.__mock.printRequests` records
// each request's `includePersonal`.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  db.printRequests = [];
  const maskName = (name) => (name && name.trim() ? `${[...name.trim()][0]}**` : name);
  const maskPhone = (phone) => {
    const digits = String(phone ?? '').replace(/\D/g, '');
    if (!digits) return phone;
    if (digits.length < 8) return `****${digits.slice(-2)}`;
    return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  };
  Object.assign(commands, {
    case_print_record: ({ id, includePersonal }) => {
      db.printRequests.push(includePersonal);
      const record = JSON.parse(JSON.stringify(commands.get_case({ id })));
      const masked = !includePersonal;
      if (masked) {
        const f = record.fields;
        const full = f.complainantName;
        f.complainantName = maskName(full);
        f.phone = f.phone == null ? f.phone : maskPhone(f.phone);
        for (const key of ['description', 'customerRequest', 'followUpComment']) {
          if (typeof f[key] === 'string' && full && [...full].length > 1) f[key] = f[key].split(full).join(maskName(full));
        }
      }
      return { ...record, personalDataMasked: masked };
    },
  });
})();
