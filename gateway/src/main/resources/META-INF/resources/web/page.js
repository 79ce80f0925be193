// What every phone page shares: its elements by id, the message line, and a problem answer in words.
export const $ = (id) => document.getElementById(id);

export function show(text, isError) {
  $('message').textContent = text;
  $('message').classList.toggle('error', !!isError);
  $('message').classList.remove('hidden');
}

/**
 * The RFC 9457 problem for the user: its title, Chinese and written for the screen (the detail is for developers and
 * OA logs); the bare status when the answer is no problem.
 */
export async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.title || problem.detail || ('错误 ' + response.status);
  } catch (e) {
    return '错误 ' + response.status;
  }
}
