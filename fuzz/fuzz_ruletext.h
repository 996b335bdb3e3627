#ifndef FUZZ_FUZZ_RULETEXT_H
#define FUZZ_FUZZ_RULETEXT_H

/* A fixed rule set for the case readers and a fixed base for variants:
 * the LANGUAGE.md §2 example with a text and a date fact. */

static const char fuzz_rules[] =
    "policy \"fuzz\" version \"1\"\n"
    "fact 謀取私利: bool \"d\"\nfact 明知故犯: bool = false\n"
    "fact 政策把握不準: bool\nfact 已挽回損失: bool = false\n"
    "fact 已整改: bool\nfact 被惡意誣告: bool = false\n"
    "fact 損失金額: number 萬元 = 0\n"
    "fact 領域: one of {基層治理, 項目建設, 營商環境, 服務群眾, 其他}\n"
    "fact 行為: set of {接受宴請, 收受禮金, 違規用車, 未批先建}\n"
    "fact 決策日期: date\nfact 說明: text\n"
    "list 負面 = {接受宴請, 收受禮金}\n"
    "conclusion 排除情形\nconclusion 容錯情形\nconclusion 免責情形\n"
    "conclusion 減責情形\n"
    "rule X1 when 謀取私利 or 行為 contains any 負面 then 排除情形\n"
    "rule T2 when 政策把握不準 and not 明知故犯 and 決策日期 + 30 > 2023-01-01"
    " then 容錯情形 because \"{說明} {損失金額}\"\n"
    "rule E1 when (損失金額 / 2 == 0 or 已挽回損失) and 已整改 then 免責情形\n"
    "rule R1 when 已整改 and 領域 in {營商環境, 其他} then 減責情形"
    " overrides E1\n"
    "verdict \"v\" {\n 澄清正名 when 被惡意誣告\n 不予容錯 when 排除情形\n"
    " 容錯免責 when 容錯情形 and 免責情形\n"
    " 容錯減責 when 容錯情形 and 減責情形\n otherwise 依規依紀處理\n}\n"
    "measure M1 when verdict in {容錯免責, 容錯減責} and 說明 == \"x\"\n";

#endif
