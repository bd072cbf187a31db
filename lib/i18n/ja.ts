/** Every string a person reads on screen, in one place so another language can be added beside it. */
export const ja = {
  appName: "相談 Soudan",
  appTagline: "子ども・若者 LINE 相談",
  roles: { admin: "管理者", supervisor: "業務責任者", counselor: "相談員", city: "市職員" },
  qualifications: {
    social_worker: "社会福祉士",
    psychiatric_social_worker: "精神保健福祉士",
    certified_public_psychologist: "公認心理師",
    clinical_psychologist: "臨床心理士",
    child_welfare_officer_experience: "児童福祉司の経験",
    child_psychologist_experience: "児童心理司の経験",
  },
  signIn: {
    title: "スタッフ サインイン",
    loginId: "ログインID",
    password: "パスワード",
    code: "確認コード（6桁）またはリカバリーコード",
    codeHint: "2段階認証を設定している方は、認証アプリに表示される6桁のコードを入力してください。",
    submit: "サインイン",
    submitting: "確認しています…",
    required: "入力してください。",
    signOut: "サインアウト",
    ended: {
      idle: "一定時間操作がなかったため、サインアウトしました。もう一度サインインしてください。",
      deactivated: "このアカウントは利用できなくなりました。管理者に連絡してください。",
      role_changed: "権限が変更されました。もう一度サインインしてください。",
      second_factor_reset: "2段階認証がリセットされました。もう一度サインインして設定してください。",
      password_reset: "パスワードが変更されました。もう一度サインインしてください。",
      sign_out: "サインアウトしました。",
      unknown: "セッションが無効です。もう一度サインインしてください。",
      invalid: "セッションが無効です。もう一度サインインしてください。",
    },
  },
  errors: {
    invalid_credentials: "ログインIDまたはパスワードが違います。",
    locked: "ログインの失敗が続いたため、このアカウントは一時的にロックされています。しばらくしてからもう一度お試しください。",
    inactive: "このアカウントは利用できません。管理者に連絡してください。",
    code_required: "2段階認証の確認コードを入力してください。",
    code_invalid: "確認コードが正しくないか、すでに使われています。新しいコードを入力してください。",
    login_id_taken: "このログインIDはすでに使われています。",
    not_found: "対象のアカウントが見つかりません。",
    last_admin: "有効な管理者が1人もいなくなるため、この操作はできません。",
    self_change: "自分自身のアカウントにはこの操作はできません。",
    unexpected: "処理できませんでした。時間をおいてもう一度お試しください。",
    forbidden: "この画面を表示する権限がありません。",
  },
  nav: {
    console: "相談コンソール",
    supervisor: "業務責任者",
    reports: "報告書",
    staff: "スタッフ管理",
    audit: "監査ログ",
    line: "LINE連携",
    account: "アカウント",
  },
  lineAdmin: {
    title: "LINE連携の状況",
    pushes: "プッシュ送信数（有料）",
    pushesNote: "応答メッセージ（reply）は無料です。プッシュ送信は月ごとの上限・料金の対象です。",
    thisMonth: "今月",
    lastMonth: "先月",
    inbox: "受信イベント",
    outbox: "LINEへの送信",
    pending: "処理待ち・再試行中",
    failed: "失敗（要確認）",
    count: "件",
  },
  forbidden: { title: "アクセスできません（403）", back: "ホームに戻る" },
  notFound: { title: "ページが見つかりません（404）" },
  homes: {
    console: {
      title: "相談コンソール",
      body: "ここに待機中の相談と対応中の相談が表示されます。LINE 連携（受信・待ち行列）は次の段階で組み込まれます。",
    },
    supervisor: {
      title: "業務責任者ダッシュボード",
      body: "相談員の対応状況と全ての相談の見守りがここに表示されます。LINE 連携の組み込み後に利用できます。",
    },
    reports: {
      title: "報告書",
      body: "月例報告書・業務日誌・月例受付状況・年度報告書がここに表示されます。相談記録の蓄積後に作成できます。",
    },
  },
  staffAdmin: {
    title: "スタッフ管理",
    createTitle: "スタッフを追加",
    loginId: "ログインID",
    displayName: "表示名",
    role: "役割",
    qualifications: "資格・経験（相談員は1つ以上）",
    password: "初期パスワード（12文字以上）",
    create: "追加する",
    created: "スタッフを追加しました。",
    listTitle: "スタッフ一覧",
    status: "状態",
    active: "有効",
    inactive: "無効",
    locked: "ロック中",
    secondFactor: "2段階認証",
    secondFactorOn: "設定済み",
    secondFactorOff: "未設定",
    sessions: "サインイン中",
    actions: "操作",
    deactivate: "無効にする",
    reactivate: "有効にする",
    changeRole: "役割を変更",
    resetSecondFactor: "2段階認証をリセット",
    you: "（あなた）",
    confirmDeactivate: "このスタッフを無効にします。サインイン中のセッションもすぐに終了します。よろしいですか？",
    done: "変更しました。",
  },
  audit: {
    title: "監査ログ",
    seq: "番号",
    at: "日時",
    actor: "操作者",
    action: "操作",
    target: "対象",
    details: "詳細",
  },
  account: {
    title: "アカウント",
    secondFactorTitle: "2段階認証",
    required: "このアカウントでは2段階認証の設定が必要です。設定が終わるまで他の画面は使えません。",
    enabled: "2段階認証は設定済みです。",
    steps: "認証アプリ（Google Authenticator、Microsoft Authenticator など）で次のQRコードを読み取るか、キーを入力してください。その後、表示された6桁のコードを入力してください。",
    secretLabel: "キー",
    code: "確認コード（6桁）",
    confirm: "設定する",
    recoveryTitle: "リカバリーコード",
    recoveryBody: "スマートフォンをなくしたときに1回ずつ使えるコードです。この画面を閉じると二度と表示されません。紙に書いて安全な場所に保管してください。",
    continue: "ホームへ進む",
  },
  fieldErrorSummary: "入力内容を確認してください。",
  /** Default wording of the automatic replies (R6); admins may replace each on the schedule screen. */
  autoReply: {
    waiting:
      "メッセージを受け付けました。いま、あなたの前に相談を待っている人がいます。あなたの順番は {順番} 番目、待ち時間の目安は {待ち時間の目安} です。順番が来たら相談員がお返事します。",
    before_opening:
      "メッセージを受け付けました。今日の相談はまだ始まっていません。{次の相談時間} に相談員が順番にお返事します。それまで待っていてください。",
    out_of_hours:
      "メッセージを受け付けました。いまは相談時間外です。次の相談時間は {次の相談時間} です。その時間になったら、相談員が順番にお返事します。",
    closing_while_waiting:
      "今日の相談時間が終わりました。お待たせしてごめんなさい。あなたのメッセージは届いています。次の相談時間 {次の相談時間} に、順番にお返事します。",
    service_ended: "メッセージを受け付けました。この相談窓口の受付期間は終了しました。困ったときは、下のメニューの「緊急のときは」から相談先を確認してください。",
    no_schedule: "メッセージを受け付けました。相談員が順番にお返事します。このまま少し待っていてください。",
  },
  /** What the LINE account says to youth. Plain, kind words: the reader may be ten years old. */
  line: {
    greeting:
      "友だち追加ありがとうございます。\nここは、子ども・若者のための LINE 相談窓口です。\n家族のこと、学校のこと、友だちのこと、だれにも言えないことも、ここで相談できます。相談したことは、あなたの許可なくだれかに伝えることはありません（命にかかわるときを除きます）。\n下のメニューの「相談する」から始めてください。",
    mediaRefused:
      "ごめんなさい。この窓口では、画像・動画・音声・ファイルは受け取ることができません（届いた内容は見ていませんし、保存もしていません）。文字で送ってください。",
    locationRefused:
      "ごめんなさい。この窓口では、位置情報は受け取ることができません（保存もしていません）。困っていることは、話せる範囲で文字で教えてください。",
    hours:
      "相談時間は、土曜日・日曜日・祝日の 20:00〜24:00 です（12月28日〜1月5日はお休みです）。メッセージは24時間受け付けています。相談時間になったら、相談員が順番にお返事します。",
    emergency:
      "命の危険を感じるときや、今すぐ助けが必要なときは、すぐに電話してください。\n・警察 110\n・救急車 119\n・児童相談所 虐待対応ダイヤル 189（いちはやく・24時間）\n・24時間子供SOSダイヤル 0120-0-78310（なやみ言おう）",
  },
  /** The counselor console, supervisor view and their admin pages (issue 6). */
  console: {
    secureNotice: "相談員から返信があります。メニューの「相談する」から確認してください。",
    inactiveClosed:
      "しばらくメッセージがなかったので、今回の相談はいったん終わりにします。話してくれてありがとう。また話したくなったら、いつでもメッセージを送ってください。",
    releasedNote: "担当の相談員のアカウントが無効になったため、この相談は待ち行列に戻りました。業務責任者は引き継ぎを確認してください。",
    errors: {
      not_found: "相談が見つかりません。",
      not_holder: "この相談はあなたの担当ではありません。",
      taken: "この相談は、ほかの相談員がすでに担当しました。",
      limit_reached: "同時に担当できる相談の上限に達しています。担当中の相談を終えてから選んでください。",
      closed: "この相談はすでに終了しています。",
      invalid_target: "引き継ぎ先を選び直してください。",
      not_failed: "このメッセージは再送できる状態ではありません。",
      empty_message: "メッセージを入力してください。",
      too_long: "メッセージが長すぎます。",
    },
  },
  /** The LINE rich menu: chat bar text and the tap areas' labels (also spoken by screen readers; 20 characters at most). */
  richMenu: {
    chatBarText: "メニュー",
    consult: "相談する",
    hours: "相談時間",
    emergency: "緊急のときは",
  },
} as const;

export type AuthErrorCode = keyof typeof ja.errors;

export function errorMessage(code: string): string {
  return code in ja.errors ? ja.errors[code as AuthErrorCode] : ja.errors.unexpected;
}
