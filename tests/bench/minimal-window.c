/* minimal-window.c — the baseline for start-up: a libadwaita window showing
 * the Zone step's Chinese text in one label
 *
 * Prints "first-frame" on its first painted frame and quits, exactly as
 * coopzone does under COOPZONE_BENCH_FIRST_FRAME=1. Most of a CoopZone
 * window's first frame is measuring and shaping CJK text, so an empty window
 * is no fair baseline: this one lays out the same words the Zone step shows
 * in zh_CN (the step names, the page's titles and descriptions, the sample's
 * values), written here once from po/zh_CN.po.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdio.h>

static const char *const zone_step_text[] = {
  "合作区",
  "四至范围",
  "营收与企业",
  "评价指标",
  "事故与诚信",
  "声明",
  "佐证材料",
  "检查",
  "步骤",
  "全部申报档案",
  "步骤",
  "显示步骤",
  "根据各项指标按规则包分值估算；各方面得分请在“检查”步骤中查看",
  "上一步",
  "下一步",
  "合作区",
  "合作区",
  "合作区的全称，与申报表及工业和信息化部公布的认定名单中一致。",
  "合作区名称",
  "合作国家或地区",
  "与合作区开展合作的中小企业所在的每个国家或地区，名称与合作协议或备忘录中一致。",
  "添加国家或地区",
  "所在地",
  "合作区所在地。由所在省份的中小企业主管部门受理申报并报送工业和信息化部。",
  "省份",
  "地级市",
  "申报主体所在地级市",
  "合作区须位于申报主体所在的地级市",
  "责任主体",
  "运营管理机构负责合作区的日常运营；申报主体是提交本申报的地市级中小企业主管部门。",
  "运营管理机构",
  "申报主体",
  "联系人",
  "省级主管部门和工业和信息化部就本申报有疑问时可联系的人员。",
  "姓名",
  "电话",
  "电子邮箱",
  "主导产业",
  "体现合作区特色的两到三个产业，名称与其发展规划中一致。",
  "添加产业",
  "规划面积",
  "总体规划批准的合作区规划面积，单位为平方公里。小数请用小数点，例如 12.5。",
  "规划面积",
  "平方公里",
  "临湖中欧中小企业合作区",
  "德国",
  "奥地利",
  "瑞士",
  "江苏省",
  "苏州市",
  "临湖中欧合作区发展服务中心（示例）",
  "临湖市工业和信息化局（示例）",
  "王晓明",
  "0512-66881234",
  "hezuoqu@example.gov.cn",
  "高端装备制造",
  "生物医药",
  "新一代信息技术",
  "48.6",
  NULL
};

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  fputs ("first-frame\n", stdout);
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_realize (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), window);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autofree char *text = g_strjoinv ("\n", (char **) zone_step_text);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 24);
  gtk_widget_set_margin_end (label, 24);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.coopzone.BenchMinimal",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
