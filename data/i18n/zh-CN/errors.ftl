# errors: what a file, protocol or record refuses, in the window and on the command line. See messages.ftl for the conventions.

## 稽查轨迹（校验）
error-audit-no-trail = 稽查轨迹为空
error-audit-sequence = 第{ $seq }条记录：序号应为{ $expected }
error-audit-entry-altered = 第{ $seq }条记录在写入后被改动过（其哈希值不符）
error-audit-chain-broken = 第{ $seq }条记录未接续其前一条记录（哈希链已断裂）
error-audit-old-value = 第{ $seq }条记录：{ $what }的原值与稽查轨迹所载不符
error-audit-not-created-first = 第一条记录不是该筛选记录的创建
error-audit-value-altered = { $what }与稽查轨迹所载不符
error-audit-signature-mismatch = 签名未涵盖当前内容
error-audit-signature-altered = 签名与稽查轨迹记录的签名不同
error-audit-electronic-signature = 第{ $seq }条记录：{ $problem }
error-audit-not-electronic = 第{ $seq }条记录载有签名但没有电子签名，而此格式总是有电子签名

## 封印、签名、名册与见证账本（校验）
error-finding-sealed = 已由安装密钥{ $fingerprint }封印于序号{ $sequence }
error-finding-sealed-listed = 已由安装密钥{ $fingerprint }封印于序号{ $sequence }（研究中心名册中的“{ $label }”）
error-finding-sealed-unlisted = 已由安装密钥{ $fingerprint }封印于序号{ $sequence }，但研究中心名册未列出该密钥
error-finding-seal-broken = 安装密钥{ $fingerprint }的封印与稽查轨迹末端（序号{ $sequence }）不符：最后一次保存后有记录被删除或改动，或封印是从其他文件复制而来
error-finding-template = 内置示例{ $name }：是模板，不是记录（无封印）
error-finding-legacy = 旧格式文件（筛选记录格式{ $format }，早于封印功能）：就旧格式文件所能显示的而言完整；无法判断其末尾是否有记录被截去
error-finding-no-seal = 无封印：可能是模板，也可能是封印被移除的文件；无法判断其末尾是否有记录被截去
error-finding-signature-established = 第{ $seq }条记录：{ $by }的电子签名，密钥{ $fingerprint }：该密钥属于{ $by }
error-finding-signature-other-key = 第{ $seq }条记录：{ $by }的电子签名，密钥{ $fingerprint }：研究中心名册列有{ $by }，但不是此密钥
error-finding-signature-key-of-other = 第{ $seq }条记录：{ $by }的电子签名，密钥{ $fingerprint }：研究中心名册将此密钥登记给{ $holder }，而非{ $by }
error-finding-signature-unknown = 第{ $seq }条记录：{ $by }的电子签名，密钥{ $fingerprint }：研究中心名册既未列出{ $by }，也未列出此密钥
error-finding-signature-no-roster = 第{ $seq }条记录：{ $by }的电子签名，密钥{ $fingerprint }（需要研究中心名册才能确认密钥归属）
error-finding-typed-signature = 由{ $by }以键入姓名的方式签名（旧格式）：没有电子签名可证明签名人
error-finding-no-roster = 无研究中心名册：无法确认封印者和签名人；请用{ $flag }指定名册
error-finding-no-roster-because = 无研究中心名册（{ $why }）：无法确认封印者和签名人；请用{ $flag }指定名册
error-finding-rolled-back = 此文件早于本机最后一次保存的版本（本机记录序号{ $recorded }，文件为{ $file }）；该次保存时间为{ $at }
error-finding-diverged = 稽查轨迹与本机在序号{ $sequence }（{ $at }）保存的内容不同：自该处起被改写
error-finding-saved-here-as = 本机曾将此筛选记录（相同的创建记录）封印保存为筛选记录{ $session }，序号{ $sequence }：此副本被重新标记或其封印被移除
error-finding-witnessed = 包含本机为其记录的最后一次保存（序号{ $sequence }，{ $at }）
error-finding-not-witnessed = 本机没有保存此筛选记录的记录
error-finding-ledger = 见证账本：{ $problem }
error-finding-ledger-unreadable = 无法读取（{ $problem }）
error-finding-ledger-damaged = 跳过了{ $count }行损坏的内容，未予采信

## 读取筛选记录文件
error-session-too-large = { $size }字节超过了筛选记录文件允许的最大{ $max }字节
error-session-syntax = 第{ $line }行第{ $column }列：{ $message }
error-session-newer-format = 第{ $line }行第{ $column }列：文件格式版本{ $found }比本版本可读取的格式（{ $supported }）更新；请用更新版本的软件打开
error-session-unknown-protocol = 第{ $line }行第{ $column }列：本版本及研究中心方案文件夹中均没有方案“{ $id }”的第{ $version }版
error-session-unknown-cohort = 第{ $line }行第{ $column }列：“{ $cohort }”不是方案“{ $id }”的队列
error-session-unknown-item = 第{ $line }行第{ $column }列：数据字典中没有条目“{ $item }”
error-session-wrong-kind = 第{ $line }行第{ $column }列：条目“{ $item }”的值类型为{ $found }，而数据字典规定其类型为{ $expected }
error-session-wrong-unit = 第{ $line }行第{ $column }列：条目“{ $item }”不能以{ $unit }录入
error-session-unknown-option = 第{ $line }行第{ $column }列：“{ $option }”不是条目“{ $item }”的选项
error-session-unknown-agent = 第{ $line }行第{ $column }列：药物目录中没有药物“{ $agent }”
error-session-unknown-criterion = 第{ $line }行第{ $column }列：某项决定指向方案“{ $protocol }”的标准“{ $criterion }”，但该方案没有此标准
error-session-no-protocol = 该筛选记录未列出任何方案
error-session-text = 第{ $line }行第{ $column }列：{ $error }
error-session-not-of-its-format = 第{ $line }行第{ $column }列：筛选记录格式{ $format }的文件缺少{ $what }；该文件被重新标记为旧格式

## 保存与打开筛选记录文件
error-store-io = 无法写入{ $path }：{ $error }
error-store-serialize = 无法将筛选记录写成文件：{ $detail }
error-store-read-back = 写入的文件读回时与原内容不一致（{ $detail }）；原文件未被改动
error-store-not-sealable = 无法封印该筛选记录：{ $detail }
error-store-signed-older-format = 该筛选记录以筛选记录格式{ $format }签署，将按签署时原样保留；如需更改，请修订（修订会将其转换为当前格式）
error-store-installation-key = 筛选记录未保存：无法读取或创建本机的安装密钥：{ $detail }
error-store-open-io = 无法读取{ $path }：{ $error }
error-store-not-regular = { $path }是{ $kind }，不是筛选记录文件；未读取
error-store-too-large = { $path }：{ $size }字节超过了筛选记录文件允许的最大{ $max }字节；未读取
error-store-not-text = { $path }不是UTF-8文本；文件保持原样
error-store-invalid = { $path }：{ $error }；文件保持原样

## 文本字段
error-plain-text-empty = { $what }为空
error-plain-text-misleading = { $what }含有{ $character }，这可能使终端或打印件显示的文字与所存储的不同；请去掉该字符后重新输入
error-plain-text-too-long = { $what }长{ $length }个字符；最多允许{ $max }个

## 电子签名
error-e-signing-trail-mismatch = 电子签名所指的稽查轨迹与其前面的轨迹不同
error-e-signing-signer-name = 签名人姓名不能用于签名（{ $detail }）
error-e-signing-content-mismatch = 与签名一同保存的内容哈希值不是签名时内容的哈希值
error-e-signing-no-session-id = 该筛选记录没有记录编号，而电子签名需要注明记录编号
error-e-signing-meaning = 未签署：{ $detail }

## 对筛选记录的更改
error-audit-signed = 该筛选记录已签署，为只读：请先修订并说明理由
error-audit-reason-required = { $detail }需要填写理由
error-audit-actor-required = 必须注明更改人
error-audit-nothing-to-withdraw = { $criterion }上没有可撤回的{ $kind }
error-audit-not-signed = 该筛选记录未签署，无需修订
error-audit-signer-required = 签名需要签名人姓名
error-audit-nothing-to-attest = “{ $detail }”没有可确认的列表
error-audit-not-screened-for = 该筛选记录未针对方案“{ $detail }”进行筛选
error-audit-not-migrated = 该筛选记录为格式{ $detail }：签署或修订前必须先转换为当前格式
error-audit-signature-does-not-hold = 电子签名校验失败：{ $detail }
error-audit-no-session-id = 该筛选记录尚无记录编号：请先保存，再签署
error-migrate-migrate-error = 无法转换{ $what }

## 文件
error-kind-fifo = 命名管道（FIFO）
error-kind-char-device = 字符设备
error-kind-block-device = 块设备
error-kind-socket = 套接字
error-kind-folder = 文件夹
error-kind-symlink = 符号链接
error-kind-regular = 普通文件
error-kind-not-regular = 非普通文件
error-file-atomic-write-io = 无法写入{ $path }：{ $error }
error-file-atomic-write-changed = 自您打开后，{ $path }已被其他程序更改；未予替换
error-file-atomic-write-not-regular = { $path }是{ $kind }；未予替换
error-file-atomic-write-broken-link = { $path }是指向{ $target }的符号链接，而该目标不存在；未写入任何内容
error-file-atomic-write-read-back = 临时文件读回时与写入内容不一致；{ $path }未被改动
error-file-bounded-read-io = 无法读取{ $path }：{ $error }
error-file-bounded-read-not-regular = { $path }是{ $kind }，不是普通文件；未读取
error-file-bounded-read-too-large = { $path }：{ $size }字节超过了此类文件允许的最大{ $max }字节；未读取
error-file-lock-held = { $target }已在另一个窗口中打开，或正被另一个命令更改（其锁文件{ $lock }被占用）；请在那里关闭或稍候再试
error-file-lock-unusable = 无法锁定{ $target }（锁文件{ $lock }）：{ $reason }
error-file-private-io = 无法使用{ $path }：{ $error }
error-file-private-not-regular = { $path }是{ $kind }，不是普通文件；未使用

## 方案与词汇表文件
error-library-syntax = { $file }：第{ $line }行第{ $column }列：{ $message }
error-library-too-large = { $file }：{ $size }字节超过了数据文件允许的最大{ $max }字节
error-library-site = { $file }，第{ $line }行第{ $column }列：{ $message }
error-library-knowledge = { $file }：{ $error }
error-library-duplicate-version = { $file }：方案{ $id }第{ $version }版已从{ $other }加载

## 用户数据文件夹与小结缓存
error-user-data-no-data-folder = 没有用户数据文件夹：请将XDG_DATA_HOME（或HOME）设为本软件可存放文件的绝对路径文件夹
error-summary-cache-absent = 尚无小结缓存
error-summary-cache-unreadable = 无法读取小结缓存：{ $detail }
error-summary-cache-damaged = 小结缓存已损坏：{ $detail }
error-summary-cache-stale = 小结缓存属于其他版本、方案库或日期
error-summary-cache-not-vouched = 小结缓存不是本机安装签署的，或签署后已被更改

## 计算器
error-calculators-kidney-not-positive = { $input }必须为正数（实际为{ $value }）
error-calculators-kidney-age-outside-method = { $method }适用于年龄{ $range }；所给年龄为{ $age_years }岁
error-calculators-kidney-missing = { $method }需要{ $input }
error-calculators-mod-unknown-item = { $instrument }没有条目“{ $key }”
error-calculators-mod-invalid-answer = { $instrument }：“{ $key }”不接受{ $answer }
error-calculators-mod-inconsistent = { $instrument }：“{ $key }”{ $reason }
error-calculators-mod-excluding-not-supported = { $instrument }不允许在评分中略去条目
error-calculators-steroids-invalid-dose = 剂量必须为0或以上的毫克数（实际为{ $detail }）
error-calculators-steroids-invalid-equivalent-dose = 等效剂量必须为正的毫克数（实际为{ $detail }）
error-library-protocol-problems = { $file }：方案{ $protocol }有{ $count }个问题：
error-library-problem-at = 第{ $line }行第{ $column }列：{ $problem }

## 字段下方的提示（所输入的数字与日期）
error-open-inconsistent = { $path }：{ $error }；文件已原样保留
error-new-no-participant = 请填写受试者编号
error-new-no-investigator = 请填写研究者姓名：每项更改都以此姓名记录
error-new-no-protocol = 请至少选择一个方案
error-new-no-cohort = 请为{ $protocol }选择队列
error-new-unknown-protocol = 方案{ $protocol }未加载
error-lists-a-protocol-twice = 本筛选记录多次列出同一方案，记录自相矛盾，为只读：请用“另存为…”保存副本并在副本中更正
error-open-read-only = 此文件以只读方式打开：{ $why }
error-sign-not-saved = 筛选记录无法保存，因此未签署任何内容：{ $error }
error-passphrases-differ = 两次输入的口令不一致；请输入相同的口令两次
error-sign-through-dialogs = 请通过“签署…”和“修订…”进行签署和修订，二者会立即保存
error-not-trusted = 所打开的文件不可信（{ $why }）
error-no-session-open = 没有打开的筛选记录
error-no-identity = 本机没有{ $name }的签名身份：请通过{ $menu }创建
input-titer-starts-with-one = 滴度以1:开头（1:80、1:160……）
input-titer-form = 请将滴度写作1:80、1:160……或阴性
input-titer-colon = 请用冒号书写滴度：1:{ $dilution }
input-titer-as = 请将滴度写作1:{ $dilution }
input-titer-of-positive = 阳性结果请填写滴度：1:80、1:160……
input-half-width = 请用半角字符输入：{ $text }
input-not-a-number = 不是数字
input-decimal-point = 请使用小数点：{ $number }
input-remove-spaces = 请去掉空格：{ $number }
input-censored = 请输入不带 < 或 > 的数字：低于或高于检验科限值的结果需要确切数值或研究者判断
input-unit-typed = 请只输入数字（{ $number }），并在字段旁选择单位
input-year-mistyped = 年份{ $year }似乎输错了
input-not-a-calendar-date = { $date }不是有效的日历日期
input-date-ambiguous = 请按{ $format }格式填写日期：{ $typed }可能是{ $one }，也可能是{ $other }
input-date-reorder = 请按{ $format }格式填写日期：{ $date }
input-date-format = 请按{ $format }格式填写日期，例如{ $example }
input-date-in-future = { $date }是将来的日期（今天是{ $today }）
input-born-after-screening = 出生日期{ $date }晚于筛选日期（{ $screening }）
input-born-too-long-ago = 出生日期{ $date }：距今超过{ $years }年
input-unit-not-allowed = { $label }不能以{ $unit }录入：请使用{ $allowed }
input-unit-slip = { $label } { $entered }不合理——是否应为{ $unit }？
input-out-of-range = { $label } { $entered }超出合理范围{ $min }–{ $max }
input-sample-after-today = 采样日期{ $date }晚于今天（{ $today }）：请填写采样的日期
input-date-problem = 日期：{ $problem }
input-uln-not-positive = ULN必须大于0
input-uln-problem = ULN：{ $problem }
input-value-needed = 请填写{ $label }的数值：仅有ULN或日期不构成结果
input-uln-of = { $label }的ULN
input-titer-needed = 请填写滴度：仅有日期不构成结果
input-result-needed = 请选择结果：仅有日期不构成结果
error-audit-what-reference-dates = 参考日期
error-audit-what-participant-code = 受试者编号
error-audit-what-investigator = 研究者
error-audit-what-protocols = 方案
error-audit-what-signature = 签名
error-audit-what-an-attestation = 一项确认
error-audit-what-format-the-session-was-migrated-from = 该筛选记录转换前的格式
error-audit-what-overrides-and-judgments = 酌情决定与研究者判断
error-audit-what-attestations = 确认事项
error-audit-what-file-format-version = 文件格式版本
error-audit-what-session-id = 记录编号
error-audit-what-item = 条目“{ $item }”
error-audit-what-decision = 对{ $protocol } { $criterion }的决定
error-audit-what-value = 条目“{ $item }”的值

## 研究中心的词汇表文件
error-site-clash = { $what }“{ $id }”已在{ $file }中定义；研究中心只能新增名称，不能重新定义内置名称：请另选编号
error-site-bundled-class = 药物“{ $agent }”只能加入本研究中心定义的类别，不能加入“{ $class }”：内置类别保持其内置成员
error-site-not-bundled-agent = “{ $agent }”不是内置药物；研究中心药物的类别请与该药物一起列出

## 恢复提示：恢复的筛选记录所做的更改
recovery-history-differs = 已保存文件的历史与恢复的版本不同
recovery-empty = （空）
recovery-created = 已创建筛选记录{ $code }
recovery-dates = 日期：筛选{ $screening_old } → { $screening_new }，知情同意{ $consent_old } → { $consent_new }，入组{ $enrollment_old } → { $enrollment_new }
recovery-participant-code = 受试者编号：{ $old } → { $new }
recovery-investigator = 研究者：{ $old } → { $new }
recovery-protocols = 方案：{ $protocols }
recovery-decided = { $protocol } { $criterion }的{ $kind }：{ $reason }
recovery-withdrawn = 已撤回{ $protocol } { $criterion }的{ $kind }
recovery-signed = 由{ $by }签署（{ $meaning }）
recovery-amended = 已重新打开以修订；{ $by }的签名不再有效
recovery-attested = 已确认{ $item }完整
recovery-migrated = 已从筛选记录格式{ $from }转换为{ $to }
recovery-override = 酌情决定
recovery-judgment-passes = 研究者判断（符合）
recovery-judgment-fails = 研究者判断（不符合）

## 签署被拒（screening.rs、session/sign_meaning.rs）
pin-vocabulary-changed = 方案{ $id }第{ $version }版所用的词汇（条目、药物、药物类别或单位）自本次筛选以来含义已改变：筛选记录锁定的SHA-256为{ $pinned }，现在加载的研究中心文件夹给出{ $loaded }；请加载筛选时所用的研究中心文件夹，或按当前词汇重新筛选
pin-content-changed = 方案{ $id }第{ $version }版自本次筛选以来已改变：筛选记录锁定的内容SHA-256为{ $pinned }，现在加载的文件为{ $loaded }
pin-not-loaded = 方案{ $id }第{ $version }版未加载（既不在本程序中，也不在研究中心的方案文件夹中），因此无法核对其锁定的内容SHA-256（{ $pinned }）
sign-refused-undecided = 未签署：{ $count }条标准尚未判定（{ $criteria }）；确认这些标准后方可签署
sign-refused-pin = 未签署：{ $problems }。签名所涵盖的评估将依据与筛选时不同的方案；请加载筛选时所用的方案文件，或按当前方案重新筛选
sign-meaning-unknown = “{ $id }”不是可用的签名声明
sign-meaning-worded = “{ $id }”的声明应为“{ $statement }”
sign-meaning-needs-verdict = “{ $statement }”需要有可声明的结论
sign-meaning-verdict-differs = 无法签署“{ $statement }”：方案{ $protocol }第{ $version }版的结论为{ $verdict }，而非{ $required }

## 被拒文字的名称（session/plain_text.rs、records/clean_text.rs）
text-kind-participant-code = 受试者编号
text-kind-name = 姓名
text-kind-meaning = 签名声明
text-kind-reason = 理由
clean-text-signer-name = 签名人姓名
clean-text-empty = { $what }为空
clean-text-too-long = { $what }有{ $length }个字符，最多允许{ $max }个
clean-text-invisible = { $what }的第{ $position }个字符是不可见字符或控制字符（{ $code }）；请去掉后重新输入
clean-text-spacing = { $what }首尾有空格或含有连续空格；词与词之间请只用一个空格

## 签名身份（records/identity.rs）
identity-wrong-passphrase = { $name }的签名身份（{ $fingerprint }）口令错误，未签署任何内容。请重新输入（区分大小写）。
identity-weak-passphrase = 口令至少需要{ $min }个字符，且不超过{ $max }字节
identity-name-taken = 本机已有{ $name }的签名身份（密钥{ $fingerprint }）；请用它签署，或请研究中心先将其停用再新建
identity-damaged = { $path }不是可读取的签名身份文件（{ $reason }），已原样保留
identity-not-this = 此签名身份为{ $name }（密钥{ $fingerprint }）；待签署的内容指向另一人或另一密钥

## 方案的问题（engine/compile.rs）
protocol-duplicate-criterion = 标准编号“{ $id }”被使用了两次
protocol-unknown-item = { $criterion }：条目“{ $item }”不在数据字典中{ $hint }
protocol-wrong-kind = { $criterion }：条目“{ $item }”的类型为{ $found }；此规则需要{ $expected }类型的条目
protocol-unit-mismatch = { $criterion }：条目“{ $item }”不能以{ $unit }比较（其录入单位为{ $allowed }）
protocol-unknown-class = { $criterion }：“{ $class }”不是药物目录中的药物类别{ $hint }
protocol-agent-not-class = { $criterion }：“{ $agent }”是药物，不是药物类别；请在此写其类别（{ $classes }），或使用针对药物的规则
protocol-unknown-cohort = { $criterion }：队列“{ $cohort }”不是本方案的队列{ $hint }
protocol-unknown-option = { $criterion }：“{ $option }”不是条目“{ $item }”的选项{ $hint }
protocol-unknown-instrument-item = { $criterion }：“{ $answer }”不是{ $instrument }的条目
protocol-what-rule = { $rule }
protocol-what-contradiction = 一条矛盾规则
protocol-what-choice = 一项选择
protocol-what-start = 一项开始用药
protocol-what-dose-cap = 一项剂量上限
protocol-what-combined = 一项联合治疗
protocol-what-change = 一项变化
protocol-what-always = 一条恒满足条目
protocol-what-comparison = 一项比较
protocol-what-method = 一项检测方法
protocol-what-treatment-rule = 一项治疗规则
protocol-what-period = 一个时间段
protocol-what-judgment = 一项判断
protocol-name-threshold = 阈值
protocol-name-cap = 上限
protocol-why-two-sides = 至少需要两方
protocol-why-side-judgment = 任何一方都不能要求判断
protocol-why-no-option = 未列出“{ $item }”的任何选项
protocol-why-start-any-time = 任何时间开始即包括所有疗程：请给出时间段
protocol-why-cap-not-dose = 上限{ $cap }不是剂量
protocol-why-no-course = 未列出任何疗程
protocol-why-group-no-agent = 有一组未要求任何药物
protocol-why-no-measure = 未列出变化的衡量方式
protocol-why-units-differ = 基线与当前条目的计量单位不同
protocol-why-always-why = 未说明为何不构成任何限制
protocol-why-parts = 它有{ $count }个部分，至少需要{ $needed }个
protocol-why-not-a-number = { $name }{ $value }不是数字
protocol-why-always-true = { $label } { $cmp } { $threshold } { $unit }对所有合理取值（{ $low }至{ $high } { $unit }）均成立
protocol-why-always-false = { $label } { $cmp } { $threshold } { $unit }对所有合理取值（{ $low }至{ $high } { $unit }）均不成立
protocol-why-methods = “{ $item }”列出了超过64种检测方法
protocol-why-no-class = 未列出任何药物类别
protocol-why-zero-period = 其长度为零
protocol-why-judgment-empty = 未说明需要判断什么
protocol-undecidable = { $criterion }：{ $what }永远无法判定：{ $why }
protocol-missing-kidney-items = { $criterion }：肾功能所需条目（{ $items }）未全部在数据字典中
protocol-missing-date-of-birth = { $criterion }：此规则需要条目{ $item }，但数据字典中没有
protocol-no-criteria = 该方案没有任何标准
protocol-discretion-on-exclusion = { $criterion }：排除标准不能设置酌情豁免
protocol-problems = 方案{ $protocol }有{ $count }个问题：
did-you-mean = ；是否指“{ $name }”？

## 数据字典和药物目录（engine/knowledge.rs）
protocol-too-many = 该方案的{ $what }超过单个方案可容纳的{ $limit }个：请拆分为多个方案
protocol-part-judgments = 判断
protocol-part-notes = 恒满足条目
protocol-part-score-exclusions = 不同的评分排除组合
knowledge-too-many = 数据字典有{ $count }个{ $what }；最多支持{ $max }个
knowledge-part-test-kinds = 检测类别
knowledge-part-contradictions = 矛盾规则
knowledge-too-many-items = 数据字典有{ $count }个条目；最多支持{ $max }个
knowledge-duplicate-item = 数据字典两次定义了条目“{ $item }”
knowledge-unknown-section = 条目“{ $item }”属于栏目“{ $section }”，但数据字典未定义该栏目
knowledge-no-units = 条目“{ $item }”必须允许至少一个单位
knowledge-methods = 条目“{ $item }”列出了检测方法：只有带日期的数值条目可以列出，且最多{ $max }种
knowledge-too-many-classes = 药物目录有{ $count }个药物类别；最多支持{ $max }个
knowledge-duplicate-drug = 药物目录两次定义了“{ $id }”
knowledge-unknown-class = 药物“{ $agent }”所属的类别“{ $class }”未在药物目录中定义
knowledge-unknown-test-kind = 条目“{ $item }”指定的检测类型“{ $kind }”未在数据字典中定义
knowledge-test-kind-not-choice = 条目“{ $item }”指定了检测类型，但不是选项型条目
knowledge-test-kind-option = 检测类型“{ $kind }”列出的“{ $option }”不是其条目“{ $item }”的选项
knowledge-duplicate-test-kind = 数据字典两次定义了检测类型“{ $kind }”
knowledge-contradiction = 矛盾规则“{ $id }”：{ $problems }

## 肾功能的计算过程（calculators/kidney.rs；calc 输出这些行）
kidney-result = { $method } = { $value }。
kidney-ckd-epi-formula = CKD-EPI 2021肌酐公式（{ $source }，不含种族因素）：{ $formula }，女性再×1.012。
kidney-ckd-epi-inputs = 血肌酐{ $scr }；{ $sex }：κ { $kappa }，α { $alpha }，性别系数{ $factor }；血肌酐/κ { $ratio }。
kidney-age-decimal = 年龄{ $age }岁（小数）。
kidney-schwartz-formula = 床旁{ $name }公式（{ $source }），适用于儿童：{ $formula }。
kidney-height-scr = 身高{ $height }；血肌酐{ $scr }。
kidney-ckid-formula = { $name }肌酐公式（{ $source }）：{ $formula }，K随性别和年龄而定。
kidney-ckid-k = { $sex }，年龄{ $age }岁：K = { $rule } = { $k }。
kidney-ckid-adult-k = { $k }（18岁起）
kidney-cg-formula = { $name }公式（1976）：{ $formula }，女性再×0.85；单位{ $unit }，未按体表面积标准化。
kidney-cg-weight = 体重{ $weight }（{ $basis }）。
kidney-cg-inputs = 年龄{ $age }岁（小数）；{ $sex }，性别系数{ $factor }；血肌酐{ $scr }。
kidney-branch-child = 年龄{ $age }岁，未满18岁：采用床旁{ $name }公式。
kidney-branch-adult = 年龄{ $age }岁，已满18岁：采用CKD-EPI 2021公式。
kidney-sex-female = 女性
kidney-sex-male = 男性
kidney-weight-actual = 实际体重
kidney-weight-ideal = 理想体重
kidney-weight-adjusted = 校正体重

## 与方案不相符的方案译文（model/protocol_translation.rs）
translation-other-protocol = 该译文对应的是{ $found }，而不是{ $expected }
translation-unknown-criterion = 方案中没有标准{ $criterion }
translation-missing-criterion = 标准{ $criterion }没有译文
translation-missing-interpretation = 标准{ $criterion }：方案给出了解读，译文却没有
translation-unknown-interpretation = 标准{ $criterion }：译文给出了方案中没有的解读
translation-judgment-count = 标准{ $criterion }：方案有{ $expected }个判断问题，译文有{ $found }个
translation-unknown-cohort = 方案中没有队列{ $cohort }
translation-missing-cohort = 队列{ $cohort }没有译文
translation-unknown-correction = 方案未对标准{ $criterion }作任何更正
translation-missing-correction = 对标准{ $criterion }的更正没有译文
translation-repeated-correction = 方案对标准{ $criterion }作了不止一次更正；译文按标准编号对应更正
translation-information-count = 方案有{ $expected }行研究信息，译文有{ $found }行
translation-missing-field = { $field }：方案中有，译文中没有
translation-unknown-field = { $field }：译文中有，方案中没有
translation-empty = { $field }为空
translation-protocol-version = 方案{ $id }第{ $version }版

## 研究中心的单位文件（model/site_units.rs）
site-units-bundled-place = 内置单位（可用“{ $command }”列出）
site-units-unknown-unit = “{ $code }”不是此处已知的单位{ $hint }；请在{ $file }中更早处定义它
site-units-not-conversion = “{ $text }”不是换算关系：请写一个数和一个单位，如“{ $example }”
site-units-bad-number = 换算关系“{ $text }”有误：“{ $number }”不是精确的正小数
site-units-dimension-id = 量纲“{ $id }”：编号只能由小写字母、数字和_组成
site-units-dimension-bundled = 量纲“{ $id }”已在{ $place }中定义；研究中心只能新增名称，不能重新定义内置名称：请直接使用，或另选编号
site-units-dimension-twice = 量纲“{ $id }”在此文件中定义了两次
site-units-dimension-earlier = 量纲“{ $id }”已由本次运行中先加载的研究中心文件夹作了不同定义
site-units-unit-earlier = 单位“{ $code }”已由本次运行中先加载的研究中心文件夹作了不同定义
site-units-dimension-no-unit = 量纲“{ $id }”没有单位：请定义其基准单位（该量纲下不带{ $field }的单位）
site-units-analyte-bundled = 分析物“{ $id }”已在内置分析物中定义；研究中心只能新增名称，不能重新定义内置名称：请另选编号
site-units-analyte-earlier = 分析物“{ $id }”已由本次运行中先加载的研究中心文件夹作了不同定义
site-units-code-ascii = 单位代码“{ $code }”只能用ASCII字符且不含空格，以便在任何键盘上输入；排版形式请写在{ $field }中
site-units-this-site = 本研究中心的单位
site-units-unit-defined = 单位“{ $text }”已在{ $place }中定义为“{ $code }”；研究中心只能新增单位，不能重新定义：请直接使用，或另选代码
site-units-no-dimension = 单位“{ $code }”：没有量纲“{ $dimension }”{ $hint }；请在{ $field }下定义它
site-units-other-dimension = 单位“{ $code }”属于{ $dimension }，而“{ $other }”属于{ $other_dimension }：{ $field }须指定同一量纲的单位
site-units-out-of-range = 换算关系“{ $text }”有误：系数超出范围
site-units-needs-size = 单位“{ $code }”属于{ $dimension }量纲，该量纲已有基准单位：请给出其大小，写作{ $example }
site-units-second-reference = 单位“{ $code }”：量纲“{ $dimension }”已有基准单位；请给出此单位的大小，写作{ $example }
site-units-not-equivalence = “{ $text }”不是等量关系：请写作“{ $example }”
site-units-same-dimension = “{ $text }”：两个单位都属于{ $dimension }，无需分析物即可换算

## 记录：签名、封印、密钥、名册和见证账本（records/）
esig-fingerprint-mismatch = 签名记载的密钥为{ $recorded }，实际却由密钥{ $actual }签署
esig-mismatch = 密钥{ $fingerprint }的签名与本记录不符：其涵盖的内容（内容、稽查轨迹、姓名、时间、声明或筛选记录）已被更改，或该签名是从其他文件复制而来
roster-format = { $path }是第{ $format }版格式的名册；本程序读取第{ $supported }版格式
roster-contradiction = { $path }：{ $problem }；未使用该名册
ledger-head-hash = “{ $text }”不是稽查轨迹哈希值（应为{ $digits }位小写十六进制数字）
session-id-spelling = “{ $text }”不是筛选记录编号（应为{ $digits }位小写十六进制数字）
key-public-spelling = “{ $text }”不是公钥（应为{ $digits }位小写十六进制数字）
key-not-on-curve = { $key }不是有效的{ $algorithm }公钥
key-weak = { $key }是弱{ $algorithm }公钥，已拒绝
key-fingerprint-spelling = “{ $text }”不是密钥指纹（应为{ $digits }位小写十六进制数字）
key-signature-spelling = “{ $text }”不是签名（应为{ $digits }位小写十六进制数字）
key-randomness = 操作系统的随机数生成器出错：{ $problem }
installation-key-write = 无法将安装密钥写为{ $format }：{ $problem }
installation-key-damaged = { $path }不是{ $app }的安装密钥（{ $reason }），已原样保留。只有在不再需要识别本机所加的封印时，才可将其移走。
seal-mismatch = 安装密钥{ $fingerprint }的封印与稽查轨迹末条（序号{ $sequence }）不符：上次保存后有记录被删除或更改，或该封印是从其他文件复制而来

## 量表评分的说明（calculators/；calc 在评分下输出）
instrument-rule-ss-2016 = 入门：至少一个干燥症状问题回答“是”，或ESSDAI提示疑似；排除：存在所列既往诊断之一；总分≥{ $threshold }即符合分类标准。
instrument-rule-ssc-2013 = 每个类别只计权重最高的一项；总分≥{ $threshold }为确诊{ $disease }；双手手指皮肤增厚并延伸至MCP关节近端即已足够。
instrument-rule-sle-2019 = 入门标准ANA≥1:80；每个领域只计最高的一项；至少需有一项临床标准；总分≥{ $threshold }即符合分类标准。
instrument-sle-2019-no-clinical = 无任何临床标准：仅有免疫学标准时不能分类。
instrument-rule-sledai2k = SLEDAI-2K：访视时或此前{ $days }天内（方案另有规定时为{ $protocol_days }天）出现的各项描述的权重之和；持续存在的皮疹、脱发、黏膜溃疡和蛋白尿也计分。
instrument-rule-mmt8 = 双侧MMT-8：颈屈肌计一次，另七组肌群双侧计分，{ $range }分。
instrument-rule-mmt8-unilateral = 单侧MMT-8：颈屈肌加一侧七组肌群（默认右侧，右侧无法测试时用左侧），{ $range }分。
instrument-rule-haq-di = 标准HAQ-DI：每个类别取其最高一项的分数，使用辅助器具、装置或他人帮助时提高到{ $aided }分；各类别分数之和除以已回答的类别数（{ $of }个类别中至少{ $least }个）。
instrument-haq-di-published = 已发表的计分规则：{ $sum } / 已回答的{ $answered }个类别 = { $score }。
instrument-haq-di-too-few = { $of }个类别中只回答了{ $answered }个：已发表的规则在少于{ $least }个时不给出评分。
instrument-rule-essdai = ESSDAI：各领域权重×活动度等级之和。
instrument-essdai-activity = 疾病活动度：低<5，中5–13，高≥14（{ $source }）。
instrument-essdai-subset = 活动度分级只适用于完整的ESSDAI，不适用于部分领域。
instrument-iim-with-biopsy = （有肌肉活检）
instrument-iim-without-biopsy = （无肌肉活检）
instrument-rule-iim-2017 = 权重{ $weights }；评分≥{ $probable }为很可能的IIM（已发表的分界值，而非概率），≥{ $definite }为确诊。
instrument-iim-score = 评分{ $score }{ $weights }：{ $certainty }，概率{ $probability }（{ $formula }）。
instrument-iim-not = 非IIM
instrument-iim-possible = 可能的IIM
instrument-iim-probable = 很可能的IIM
instrument-iim-definite = 确诊IIM
instrument-iim-subgroup-open = 亚型取决于尚未评估的条目。
instrument-iim-biopsy-advised = 无向阳性皮疹、{ $name }丘疹或{ $name }征：建议先行肌肉活检再作分类（KI计算器）。
instrument-bvas-persistent-column = 按“持续”栏及各部分上限计分（所有异常均为持续性）。
instrument-bvas-new-column = 按“新发/加重”栏及各部分上限计分。
instrument-bvas-creatinine-first = 血清肌酐仅在首次评估时计分：此次不计。
instrument-bvas-persistent-conflict = 已勾选，但从不为持续性的条目（*）“{ $item }”为存在
instrument-iim-biopsy-conflict = 为无，但已有活检所见为存在
instrument-sle-complement-conflict = 为存在，但“{ $other }”为不存在
instrument-bvas-never-persistent = { $item }不可能为持续性，因此按“新发/加重”栏计分。
instrument-list-separator = 、
instrument-left-out = 方案规定不计入评分：{ $items }。
instrument-not-highest = { $item }存在但不计分：{ $group }只计最高的一项。
instrument-capped = { $group }合计{ $raw }分，按上限计为{ $cap }分。
instrument-either-variant = “{ $item }”未评估：分数范围涵盖两种计分方式，所示分数为较低的一种。
instrument-this-item = 该条目

## 量表名称和分级（calculators/instrument_words.rs）
instrument-name-sle-2019 = 2019 EULAR/ACR SLE分类标准
instrument-name-ssc-2013 = 2013 ACR/EULAR系统性硬化症分类标准
instrument-name-ss-2016 = 2016 ACR/EULAR干燥综合征分类标准
instrument-name-iim-2017 = 2017 EULAR/ACR特发性炎性肌病分类标准
instrument-name-bvas-v3 = BVAS第3版
instrument-name-mmt8 = MMT-8（双侧，0–150）
instrument-name-mmt8-unilateral = MMT-8（单侧，0–80）
instrument-name-mrss = 改良{ $name }皮肤评分
instrument-category-low = 低
instrument-category-moderate = 中
instrument-category-high = 高
instrument-category-juvenile-other = JDM以外的幼年型肌炎

## 条目类型（model/dictionary.rs）
item-kind-number = 数值
item-kind-date = 日期
item-kind-yes-no = 是/否
item-kind-choice = 选项
item-kind-titer = 滴度
item-kind-event = 事件
item-kind-instrument = 量表
item-kind-treatments = 治疗史
item-kind-text = 文本
item-kind-event-or-date = 事件或日期
item-kind-number-with-uln = 带ULN的数值
item-kind-date-event-or-dated = 日期、事件或带日期的结果

## 研究中心词汇新增的内容（library/site.rs）
site-word-item = 条目
site-word-section = 栏目
site-word-class = 药物类别
site-word-agent = 药物
