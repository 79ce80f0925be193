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
    // a sheet's refused rows are named, so that the person knows where to look: 第 3 行 分值
    const rows = (problem.errors ?? []).map((e) => e.field ?? '').filter((field) => /^row \d+ /.test(field))
      .map((field) => field.replace(/^row (\d+) /, '第 $1 行 '));
    const title = problem.title || problem.detail || ('错误 ' + response.status);
    return rows.length ? title + '：' + rows.slice(0, 10).join('、') + (rows.length > 10 ? ' 等 ' + rows.length + ' 处' : '') : title;
  } catch (e) {
    return '错误 ' + response.status;
  }
}
