// A unit chosen by its name: typing searches the registry (name or code) and offers the units found; the form
// sends the chosen unit's code.
import { attempt, call, el, query } from './ui.js';

let lists = 0;

/** The input (its `code()` says the chosen unit's code) and its list of suggestions, to be placed together. */
export function unitPicker(name, onChosen = () => {}) {
  const units = el('datalist', { id: 'units-' + ++lists });
  let asked = '';
  const input = el('input', { name, required: true, list: units.id, autocomplete: 'off', placeholder: '输入单位名称查找',
    oninput: async () => {
      asked = input.value.trim();
      const answer = asked && await attempt(() => call(query('/assessment/org-units', { q: asked, size: 20 })));
      if (answer && asked === input.value.trim()) {
        units.replaceChildren(...answer.items.map((u) => el('option', { value: u.code, label: u.deactivated ? u.name + '（已停用）' : u.name })));
      }
    },
    onchange: () => onChosen(input.code()) });
  input.code = () => {
    const typed = input.value.trim();
    return [...units.options].find((option) => option.label === typed)?.value ?? typed;
  };
  return [input, units];
}
