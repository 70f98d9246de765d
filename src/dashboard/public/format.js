// Words and numbers in the chosen language, from GET /labels: the one source of every label.
export const ui = {
  lang: 'en',
  labels: {},
  /** The label of a key, or the key's last part when none is known. */
  t(key) {
    return this.labels[key] ?? key.split('.').pop();
  },
  get locale() {
    return this.lang === 'km' ? 'km-KH' : 'en-GB';
  },
  number(value, digits = 0) {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  },
  /** "Mar 2024" / "មីនា 2024": month names from the labels, so Khmer needs no locale data in the browser. */
  month(date) {
    return `${this.t(`month.${Number(date.slice(5, 7))}`)} ${date.slice(0, 4)}`;
  },
  day(date) {
    return `${Number(date.slice(8, 10))} ${this.month(date)}`;
  },
};

/**
 * A value for a table cell or tile. A withheld count is "fewer than 5", never 0; a share or ratio
 * withheld with a count it uses says so.
 */
export function shown(value, { withheld = false, unit = 'children', digits } = {}) {
  if (value === null || value === undefined) {
    if (withheld) return { text: unit === 'children' ? ui.t('dashboard.fewerThan5') : ui.t('dashboard.withheld'), withheld: true };
    return { text: '–', withheld: false };
  }
  const places = digits ?? (unit === 'percent' || unit === 'months' || unit === 'per_100k' ? 1 : unit === 'ratio' ? 2 : 0);
  const suffix = unit === 'percent' ? ' %' : '';
  return { text: `${ui.number(value, places)}${suffix}`, withheld: false };
}

/** A table of rows (arrays of strings or shown values), with a header row. */
export function table(header, rows) {
  const el = document.createElement('table');
  const head = el.createTHead().insertRow();
  for (const h of header) {
    const th = document.createElement('th');
    th.textContent = h;
    th.scope = 'col';
    head.appendChild(th);
  }
  const body = el.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) {
      const td = tr.insertCell();
      td.textContent = typeof cell === 'object' ? cell.text : cell;
      if (typeof cell === 'object' && cell.withheld) td.className = 'withheld';
    }
  }
  return el;
}

/** The same rows as CSV (RFC 4180), as the user sees them. */
export function csv(header, rows) {
  const quote = (v) => {
    const text = typeof v === 'object' ? v.text : String(v);
    const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function download(name, text) {
  const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
