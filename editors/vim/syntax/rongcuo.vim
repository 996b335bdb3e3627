" Vim syntax file
" Language:    Rongcuo (容錯) rule files (.rules, .test) and case files (.case)
" Maintainer:  the Rongcuo project
"
" Every keyword in its three spellings: English, traditional Chinese (繁體)
" and simplified Chinese (简体), as the keyword table of the language has
" them (engine/lang.c; docs/language.md). A test (tests/unit/test_editors.c)
" checks that each one is here. A keyword is a word of its own: 已整改且非
" is one name, and stays unhighlighted, as the language reads it.

if exists("b:current_syntax")
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match

" Declarations and the items of a file.
syn keyword rongcuoDecl policy version extends fact conclusion list rule
syn keyword rongcuoDecl measure verdict amend repeal case test invariant
syn keyword rongcuoDecl 辦法 版本 沿用 事實 認定 清單 規則 措施 結論 修訂 廢止
syn keyword rongcuoDecl 案件 測試 底線
syn keyword rongcuoDecl 办法 事实 认定 清单 规则 结论 修订 废止 测试 底线

" Clauses of rules, verdict tables and tests.
syn keyword rongcuoClause cites when then overrides because otherwise given
syn keyword rongcuoClause expect fired undetermined missing
syn keyword rongcuoClause 依據 如果 則 優先於 理由 否則 已知 預期 適用 待定 缺少
syn keyword rongcuoClause 依据 则 优先于 否则 预期 适用

" Operators written as words; two-word keywords on one line.
syn keyword rongcuoOperator and or not in contains any
syn keyword rongcuoOperator 且 或 非 屬於 包含 任一 已查明 属于
syn match rongcuoOperator "\<is\s\+known\>"

" Values.
syn keyword rongcuoBoolean true false unknown 是 否 未知

" Types of facts.
syn keyword rongcuoType bool number text date
syn keyword rongcuoType 是非 數值 文字 日期 選項 多選 数值 选项 多选
syn match rongcuoType "\<one\s\+of\>"
syn match rongcuoType "\<set\s\+of\>"

" The ID after rule or measure (規則 X1, 措施 談話提醒).
syn match rongcuoId "\%(\<\%(rule\|measure\|規則\|规则\|措施\)\s\+\)\@<=[^[:space:]\"「“{}()（）｛｝:：,，、]\+"

" Dates before numbers: 2023-05-01.
syn match rongcuoDate "\<\d\{4}-\d\{2}-\d\{2}\>"
syn match rongcuoNumber "\<\d\+\%(\.\d\+\)\=\>"

syn match rongcuoOp "==\|!=\|<=\|>=\|[<>=+*/]\|[≤≥≠＝＜＞]"

" Strings: "…", 「…」 and “…”, with {name} in because texts.
syn match rongcuoEscape contained "\\[\"\\]"
syn match rongcuoField contained "{[^{}]*}"
syn region rongcuoString start=+"+ skip=+\\[\\"]+ end=+"+ end=+$+ contains=rongcuoEscape,rongcuoField
syn region rongcuoString start=+「+ end=+」+ end=+$+ contains=rongcuoEscape,rongcuoField
syn region rongcuoString start=+“+ end=+”+ end=+$+ contains=rongcuoEscape,rongcuoField

syn keyword rongcuoTodo contained TODO FIXME XXX 待辦 待办
syn match rongcuoComment "#.*$" contains=rongcuoTodo,@Spell

hi def link rongcuoDecl     Statement
hi def link rongcuoClause   Keyword
hi def link rongcuoOperator Operator
hi def link rongcuoOp       Operator
hi def link rongcuoBoolean  Boolean
hi def link rongcuoType     Type
hi def link rongcuoId       Identifier
hi def link rongcuoDate     Constant
hi def link rongcuoNumber   Number
hi def link rongcuoString   String
hi def link rongcuoEscape   SpecialChar
hi def link rongcuoField    Special
hi def link rongcuoComment  Comment
hi def link rongcuoTodo     Todo

let b:current_syntax = "rongcuo"

let &cpo = s:cpo_save
unlet s:cpo_save
