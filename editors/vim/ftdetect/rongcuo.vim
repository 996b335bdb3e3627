" Rongcuo (容錯) rule files (.rules, .test) and case files (.case).
"
" Vim gives *.rules to other languages (hog, udev): a .rules or .test file
" is Rongcuo's when a new one is made, or when its first line that is not
" blank or a # comment starts with a keyword that begins an item of a rule
" file (policy, extends, fact, rule, … in any of its spellings).
function! s:RongcuoDetect()
  let l:items = '^\s*\%(policy\|extends\|fact\|conclusion\|list\|rule\|'
        \ . 'measure\|verdict\|amend\|repeal\|case\|test\|invariant\|'
        \ . '辦法\|办法\|沿用\|事實\|事实\|認定\|认定\|清單\|清单\|規則\|规则\|'
        \ . '措施\|結論\|结论\|修訂\|修订\|廢止\|废止\|案件\|測試\|测试\|底線\|底线\)\>'
  for l:n in range(1, min([line('$'), 200]))
    let l:line = substitute(getline(l:n), '^\%xef\%xbb\%xbf', '', '')
    if l:line =~# '^\s*\%(#.*\)\=$'
      continue
    endif
    if l:line =~# l:items
      set filetype=rongcuo
    endif
    return
  endfor
endfunction

autocmd BufNewFile *.rules,*.test,*.case set filetype=rongcuo
autocmd BufRead *.case set filetype=rongcuo
autocmd BufRead *.rules,*.test call s:RongcuoDetect()
